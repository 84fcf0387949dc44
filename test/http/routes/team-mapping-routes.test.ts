import nock from 'nock';
import { agreementsResponseSchema, teamsResponseSchema } from '../../../src/contracts/agreements';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { hubspotUsers } from '../../../src/use-cases/agreements/hubspot-users';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { ENGINE_FACTORIES } from '../../store/test-databases';
import { NOW, PORTAL_A, PORTAL_B, startApi, type Api } from './api-harness';
import { connectPortal, EXAMPLE_AGREEMENT } from './api-seed';

const START = { marketingTeamIds: ['11'], salesTeamIds: ['22'] };
const SWAPPED = { marketingTeamIds: ['22'], salesTeamIds: ['11'] };
const ONLY_SUPER_ADMINS =
  "Only a HubSpot super admin of this portal can change which teams count as marketing and sales. Ask one of your account's super admins (HubSpot: Settings > Users & Teams).";

/** Calls as one signed user of a portal; `json` answers status and body. */
const caller = (api: Api, user: string, portalId = PORTAL_A) => ({
  get: (path: string) => api.call('GET', path, { portalId, user }),
  send: (method: string, path: string, body: unknown) => api.call(method, path, { portalId, user, body }),
});
const json = async (res: Promise<Response>) => {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};
const mappingAudit = async (api: Api, portalId = PORTAL_A) =>
  api.store.audit.list(String(portalId), 100, ['settings.team_mapping_changed']);

/** m1 drafts and proposes the example agreement: version 1, proposed by marketing. */
async function marketerProposes(api: Api): Promise<void> {
  const m1 = caller(api, 'm1');
  expect((await m1.send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT })).status).toBe(200);
  const proposed = await m1.send('POST', '/api/agreements/propose', { version: 1, rationale: 'Q1 pact' });
  expect(proposed.status).toBe(200);
}

useNock();

describe.each(ENGINE_FACTORIES)('who may change the team mapping, over HTTP on %s', (_engine, make) => {
  let api: Api;
  beforeEach(async () => {
    api = await startApi({ database: await make() });
    await connectPortal(api);
  });
  afterEach(async () => {
    await api.close();
  });

  it('When a marketer proposes, swaps the teams and another marketer approves, then the swap and the approval are refused', async () => {
    await marketerProposes(api);

    const swap = await json(caller(api, 'm1').send('PUT', '/api/settings/teams', SWAPPED));
    const approval = await json(caller(api, 'm2').send('POST', '/api/agreements/approve', { version: 1 }));

    expect(swap).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', message: ONLY_SUPER_ADMINS } },
    });
    expect(approval).toMatchObject({
      status: 403,
      body: { error: { message: 'Version 1 was proposed by marketing; Sales must review it.' } },
    });
    expect(await api.store.installations.get(String(PORTAL_A))).toMatchObject(START);
    expect(await api.store.agreements.active(String(PORTAL_A))).toBeNull();
    expect(await mappingAudit(api)).toEqual([]);
  });

  it('When a super admin swaps the teams under a pending proposal, then it is sent back, another marketer cannot approve it, and the change is audited', async () => {
    await marketerProposes(api);

    const swap = await json(caller(api, 'admin').send('PUT', '/api/settings/teams', SWAPPED));
    const approval = await json(caller(api, 'm2').send('POST', '/api/agreements/approve', { version: 1 }));

    expect(swap.status).toBe(200);
    const teams = teamsResponseSchema.parse(swap.body);
    expect(teams).toMatchObject({ ...SWAPPED, editing: { allowed: true }, sentBack: [1] });
    expect(teams.history).toEqual([
      {
        at: new Date(NOW).toISOString(),
        userId: '901',
        email: 'u901@example.com',
        before: START,
        after: SWAPPED,
        sentBack: [1],
      },
    ]);
    expect(approval).toMatchObject({
      status: 409,
      body: { error: { message: 'Version 1 is sent back, not proposed.' } },
    });
    expect(await api.store.agreements.active(String(PORTAL_A))).toBeNull();
    const view = agreementsResponseSchema.parse(
      await (await caller(api, 'm1').get('/api/agreements')).json(),
    );
    expect(view.open).toMatchObject({
      version: 1,
      status: 'sent_back',
      sentBackBy: '901',
      sentBackReason: 'team_mapping_changed',
    });
    expect(view.next).toMatchObject({ side: 'marketing', action: 'revise', version: 1 });
    const audit = await api.store.audit.list(String(PORTAL_A));
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      ['901', 'agreement.sent_back'],
      ['901', 'settings.team_mapping_changed'],
      ['501', 'agreement.proposed'],
      ['501', 'agreement.draft_saved'],
    ]);
    expect(audit[0]?.details).toMatchObject({ version: 1, reason: 'team mapping changed' });
  });

  it('When the proposal is proposed again after the swap, then the other side under the new mapping approves it', async () => {
    await marketerProposes(api);
    await caller(api, 'admin').send('PUT', '/api/settings/teams', SWAPPED);
    const m2 = caller(api, 'm2');
    // m2's team 11 is sales now: s1 (team 22) proposes again, and m2 approves for sales.
    await caller(api, 's1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT });
    expect(
      (await caller(api, 's1').send('POST', '/api/agreements/propose', { version: 2, rationale: 'again' }))
        .status,
    ).toBe(200);

    const approval = await json(m2.send('POST', '/api/agreements/approve', { version: 2 }));

    expect(approval.status).toBe(200);
    const [approved] = await api.store.audit.list(String(PORTAL_A), 1, ['agreement.approved']);
    expect(approved?.details).toMatchObject({ side: 'sales', proposedSide: 'marketing' });
  });

  it('When a user in no team or a team member who is no super admin changes the mapping, then 403 naming who can, nothing stored or audited', async () => {
    for (const user of ['nobody', 'm1', 's1', 'both']) {
      const answer = await json(caller(api, user).send('PUT', '/api/settings/teams', SWAPPED));
      expect(answer).toMatchObject({ status: 403, body: { error: { message: ONLY_SUPER_ADMINS } } });
    }
    expect(await api.store.installations.get(String(PORTAL_A))).toMatchObject(START);
    expect(await mappingAudit(api)).toEqual([]);
  });

  it('When a portal has no mapping yet, then only a super admin sets the first one, and everyone reads who did', async () => {
    await api.store.installations.connect(String(PORTAL_B), null, [], NOW);
    const first = { marketingTeamIds: ['11', '33'], salesTeamIds: ['22'] };
    const refused = await json(caller(api, 'm1', PORTAL_B).send('PUT', '/api/settings/teams', first));
    expect(refused.status).toBe(403);

    const set = await json(caller(api, 'admin', PORTAL_B).send('PUT', '/api/settings/teams', first));

    expect(set.status).toBe(200);
    const seen = teamsResponseSchema.parse(
      await (await caller(api, 'nobody', PORTAL_B).get('/api/settings/teams')).json(),
    );
    expect(seen).toMatchObject({ ...first, editing: { allowed: false, reason: 'not_super_admin' } });
    expect(seen.history).toEqual([
      expect.objectContaining({
        userId: '901',
        before: { marketingTeamIds: [], salesTeamIds: [] },
        after: first,
        sentBack: [],
      }),
    ]);
  });
});

describe("HubSpot's users API decides who is a super admin", () => {
  const HUBSPOT = 'https://api.hubapi.com';
  let api: Api;
  beforeEach(async () => {
    const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: HUBSPOT });
    api = await startApi({ superAdmins: hubspotUsers(gateway) });
    await connectPortal(api);
  });
  afterEach(async () => {
    await api.close();
  });
  const user = (id: number) => nock(HUBSPOT).get(`/settings/v3/users/${id}`).query({ idProperty: 'USER_ID' });

  it('When HubSpot says superAdmin true, then the change goes through; when it says false, 403', async () => {
    user(901).reply(200, fixture('settings-user-super-admin'));
    user(501).reply(200, { ...fixture('settings-user'), id: '501', superAdmin: false });

    expect((await caller(api, 'admin').send('PUT', '/api/settings/teams', SWAPPED)).status).toBe(200);
    expect((await caller(api, 'm1').send('PUT', '/api/settings/teams', START)).status).toBe(403);
    expect(await api.store.installations.get(String(PORTAL_A))).toMatchObject(SWAPPED);
  });

  it('When the app lacks settings.users.read, then the mapping stays, the answer says why, and the page shows it read-only', async () => {
    user(901).times(2).reply(403, fixture('error-403-missing-scopes-users'));

    const refused = await json(caller(api, 'admin').send('PUT', '/api/settings/teams', SWAPPED));
    const page = teamsResponseSchema.parse(
      await (await caller(api, 'admin').get('/api/settings/teams')).json(),
    );

    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('settings.users.read');
    expect(page).toMatchObject({ ...START, editing: { allowed: false, reason: 'users_unreadable' } });
  });
});
