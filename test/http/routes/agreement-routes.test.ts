import { agreementsResponseSchema } from '../../../src/contracts/agreements';
import { connectionResponseSchema } from '../../../src/contracts/connection';
import { currentJobResponseSchema } from '../../../src/contracts/jobs';
import { propertiesResponseSchema } from '../../../src/contracts/properties';
import { simulateResponseSchema } from '../../../src/contracts/simulate';
import { NOW, PORTAL_A, startApi, type Api } from './api-harness';
import { activateExample, connectPortal, EXAMPLE_AGREEMENT, storeContacts } from './api-seed';

let api: Api;
beforeEach(async () => {
  api = await startApi();
  await connectPortal(api);
});
afterEach(async () => {
  await api.close();
});

const as = (user: string) => ({
  get: (path: string) => api.call('GET', path, { portalId: PORTAL_A, user }),
  send: (method: string, path: string, body: unknown) =>
    api.call(method, path, { portalId: PORTAL_A, user, body }),
});
const view = async (res: Response) => {
  expect(res.status).toBe(200);
  return agreementsResponseSchema.parse(await res.json());
};

describe('the agreement lifecycle over HTTP', () => {
  it('When marketing drafts and proposes, then sales must approve; after approval it is active with a rescore queued', async () => {
    const drafted = await view(
      await as('m1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT }),
    );
    expect(drafted.open).toMatchObject({ version: 1, status: 'draft' });
    expect(drafted.viewer).toEqual({ userId: '501', sides: ['marketing'] });
    const proposed = await view(
      await as('m1').send('POST', '/api/agreements/propose', {
        version: 1,
        rationale: 'Start with the pact',
      }),
    );
    expect(proposed.next).toMatchObject({ side: 'sales', action: 'approve', version: 1 });
    const approved = await view(await as('s1').send('POST', '/api/agreements/approve', { version: 1 }));
    expect(approved.active).toMatchObject({ version: 1, status: 'active', approvedBy: '601' });
    expect(approved.history[0]?.diff.length).toBeGreaterThan(0);
    expect(await api.store.jobs.list({ type: 'rescore' })).toHaveLength(1);
  });

  it('When the proposing side tries to approve its own proposal, then 403 and it stays proposed', async () => {
    await as('m1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT });
    await as('m1').send('POST', '/api/agreements/propose', { version: 1, rationale: 'Start' });
    const res = await as('m2').send('POST', '/api/agreements/approve', { version: 1 });
    expect(res.status).toBe(403);
    const after = await view(await as('m2').get('/api/agreements'));
    expect(after.active).toBeNull();
    expect(after.open).toMatchObject({ version: 1, status: 'proposed' });
  });

  it('When a user is on neither side, then proposing is 403', async () => {
    await as('m1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT });
    const res = await as('nobody').send('POST', '/api/agreements/propose', { version: 1, rationale: 'x' });
    expect(res.status).toBe(403);
  });

  it('When sales sends a proposal back, then marketing must revise it', async () => {
    await as('m1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT });
    await as('m1').send('POST', '/api/agreements/propose', { version: 1, rationale: 'Start' });
    const back = await view(
      await as('s1').send('POST', '/api/agreements/send-back', {
        version: 1,
        comment: 'Capacity is too high',
      }),
    );
    expect(back.next).toMatchObject({ side: 'marketing', action: 'revise', version: 1 });
  });

  it('When the draft has a bad band, then 400 names its path in the agreement and nothing is saved', async () => {
    const bad = structuredClone(EXAMPLE_AGREEMENT) as { fit: { rules: { bands?: { min: unknown }[] }[] } };
    bad.fit.rules[0]!.bands![0]!.min = 'lots';
    const res = await as('m1').send('PUT', '/api/agreements/draft', { agreement: bad });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path)).toContain('fit.rules[0].bands[0].min');
    expect((await view(await as('m1').get('/api/agreements'))).history).toEqual([]);
  });

  it('When a proposal has no rationale, then 400 names the rationale field', async () => {
    await as('m1').send('PUT', '/api/agreements/draft', { agreement: EXAMPLE_AGREEMENT });
    const res = await as('m1').send('POST', '/api/agreements/propose', { version: 1, rationale: ' ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { details: [{ path: 'rationale' }] } });
  });
});

describe('the other settings routes', () => {
  it('When HubSpot refused the portal token, then the connection says disconnected, why, and what to do', async () => {
    expect(await (await as('m1').get('/api/settings/connection')).json()).toEqual({
      status: 'connected',
      reason: null,
      message: null,
    });
    await api.store.installations.setStatus(
      String(PORTAL_A),
      'disconnected',
      'HubSpot refused the access token',
      NOW,
    );
    const res = await as('m1').get('/api/settings/connection');
    expect(res.status).toBe(200);
    expect(connectionResponseSchema.parse(await res.json())).toEqual({
      status: 'disconnected',
      reason: 'HubSpot refused the access token',
      message: expect.stringMatching(/reinstall the app/),
    });
  });

  it('When a super admin saves teams, then they are read back, and a team on both sides is a 400 on salesTeamIds', async () => {
    const saved = await as('admin').send('PUT', '/api/settings/teams', {
      marketingTeamIds: ['5'],
      salesTeamIds: ['6'],
    });
    expect(saved.status).toBe(200);
    expect(await (await as('m1').get('/api/settings/teams')).json()).toMatchObject({
      marketingTeamIds: ['5'],
      salesTeamIds: ['6'],
    });
    const both = await as('admin').send('PUT', '/api/settings/teams', {
      marketingTeamIds: ['5'],
      salesTeamIds: ['5'],
    });
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error: { details: [{ path: 'salesTeamIds' }] } });
  });

  it('When a draft is simulated over the stored contacts, then draft and active counts sit side by side', async () => {
    await activateExample(api);
    await storeContacts(api);
    const res = await as('m1').send('POST', '/api/simulate', {
      agreement: EXAMPLE_AGREEMENT,
      month: '2026-12',
    });
    const result = simulateResponseSchema.parse(await res.json());
    expect(result.contactsEvaluated).toBe(3);
    expect(result.draft.salesReadyByMonth[0]).toEqual({ month: '2026-12', count: 1, capacity: 40 });
    expect(result.active?.tiers.find((t) => t.tier === 'disqualified')?.count).toBe(1);
  });

  it('When a rescore is queued, then jobs/current reports it; properties list the stored snapshot names', async () => {
    await activateExample(api);
    await storeContacts(api);
    const job = currentJobResponseSchema.parse(await (await as('m1').get('/api/jobs/current')).json());
    expect(job.job).toMatchObject({ kind: 'rescore', done: 0 });
    const props = propertiesResponseSchema.parse(await (await as('m1').get('/api/properties')).json());
    expect(props.contact.map((p) => p.name)).toContain('jobtitle');
    expect(props.company.map((p) => p.name)).toContain('numberofemployees');
  });

  it('When the report month is malformed, then 400 names month; a good month answers the report', async () => {
    await activateExample(api);
    const bad = await as('s1').get('/api/report?month=2026-13');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { details: [{ path: 'month' }] } });
    const good = await as('s1').get('/api/report?month=2026-11');
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ portalId: String(PORTAL_A), month: '2026-11' });
  });
});
