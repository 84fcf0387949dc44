import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';
import { agreement } from './e2e-agreement';
import { PORTAL, PUBLIC_URL, SECRET, startWorld, type E2eWorld } from './e2e-processes';

// The two-sided lifecycle against the running service and the stand-in's users API: HubSpot says who is on which
// team and who is a super admin; nothing about people is set in the service.
jest.setTimeout(120_000);

const USERS = {
  admin: { id: 901, body: { superAdmin: true } },
  mika: { id: 501, body: { primaryTeamId: '11' } },
  kato: { id: 502, body: { primaryTeamId: '11' } },
  sato: { id: 601, body: { primaryTeamId: '22' } },
} as const;
type Who = keyof typeof USERS;

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld({
    seed: { contacts: [], companies: [] },
    agreement,
    agreementWhen: 'after-start',
  });
  for (const user of Object.values(USERS)) {
    expect((await world.admin('PUT', `/__standin/users/${user.id}`, user.body)).status).toBe(204);
  }
});
afterAll(async () => {
  await world?.stop();
});

/** A signed settings call as hubspot.fetch makes it for `who`. */
async function as(who: Who, method: string, path: string, body?: unknown) {
  const { id } = USERS[who];
  const full = `${path}?userId=${id}&userEmail=${who}%40maker.example&appId=77&portalId=${PORTAL}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = signHubSpotRequest({
    clientSecret: SECRET,
    method,
    url: `${PUBLIC_URL}${full}`,
    body: text,
  });
  const res = await fetch(`${world.serviceUrl}${full}`, { method, headers, body: text });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

it('When the portal has no mapping, then a marketer cannot set the first one and the super admin can', async () => {
  const mapping = { marketingTeamIds: ['11'], salesTeamIds: ['22'] };
  expect((await as('mika', 'PUT', '/api/settings/teams', mapping)).status).toBe(403);
  const set = await as('admin', 'PUT', '/api/settings/teams', mapping);
  expect(set).toMatchObject({ status: 200, body: { ...mapping, editing: { allowed: true } } });
  expect(set.body.history).toEqual([
    expect.objectContaining({ userId: '901', email: 'admin@maker.example' }),
  ]);
});

it('When a marketer proposes and tries to swap the teams for another marketer to approve, then both are refused', async () => {
  await as('mika', 'PUT', '/api/agreements/draft', { agreement });
  expect((await as('mika', 'POST', '/api/agreements/propose', { version: 1, rationale: 'Q1' })).status).toBe(
    200,
  );
  const swapped = { marketingTeamIds: ['22'], salesTeamIds: ['11'] };

  const swap = await as('mika', 'PUT', '/api/settings/teams', swapped);
  const approval = await as('kato', 'POST', '/api/agreements/approve', { version: 1 });

  expect(swap.status).toBe(403);
  expect(approval.status).toBe(403);
  expect(await world.store.agreements.active(String(PORTAL))).toBeNull();
});

it('When the super admin swaps the teams, then the waiting proposal goes back and the other marketer still cannot approve it', async () => {
  const swap = await as('admin', 'PUT', '/api/settings/teams', {
    marketingTeamIds: ['22'],
    salesTeamIds: ['11'],
  });
  const approval = await as('kato', 'POST', '/api/agreements/approve', { version: 1 });

  expect(swap).toMatchObject({ status: 200, body: { sentBack: [1] } });
  expect(approval.status).toBe(409);
  const view = await as('mika', 'GET', '/api/agreements');
  expect(view.body.open).toMatchObject({
    version: 1,
    status: 'sent_back',
    sentBackReason: 'team_mapping_changed',
  });
  expect(await world.store.agreements.active(String(PORTAL))).toBeNull();
});
