import { leadSyncHandler } from '../../src/jobs/handlers/lead-sync-handler';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { createApiClientLeadsGateway } from '../../src/hubspot/leads/api-client-leads-gateway';
import { leadsRequestBudget } from '../../src/hubspot/leads/leads-request-budget';
import type { LeadsGateway } from '../../src/hubspot/leads-gateway';
import { createStandin, type Standin } from '../../src/standin/create-standin';
import type { StandinLead } from '../../src/standin/lead-state';
import type { Store } from '../../src/store/create-store';
import { LEAD_SYNC_JOB } from '../../src/use-cases/leads/lead-sync-jobs';
import { LEAD_CLAIM_LEASE_MS, type LeadSyncResult } from '../../src/use-cases/leads/sync-leads';
import type { NewLeadHandoff } from '../../src/use-cases/ports/leads';
import { fixture } from '../hubspot/fixture';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../store/test-databases';

const PORTAL = '62515';
const TOKEN = 'tok-lead-sync';
const QUALIFIED = Date.parse('2026-12-01T01:00:00Z');
/** Owners 41629779 (team 22) and 41629781 (team 33), as HubSpot's owners API lists them. */
const OWNERS = fixture('crm-owners-page-1');

const handoff = (contactId: string, over: Partial<NewLeadHandoff> = {}): NewLeadHandoff => ({
  contactId,
  handoffAt: QUALIFIED,
  name: `Contact ${contactId} · A1`,
  ownerId: null,
  companyId: null,
  grade: 'A1',
  route: 'field_sales',
  reasons: 'Company size 1000+ (+40); clicked “get a quote” (+60)',
  ...over,
});

describe.each(ENGINE_FACTORIES)('the lead-sync job on %s, against the stand-in', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  let standin: Standin;
  let url: string;
  let close: () => Promise<void>;
  let clock: number;
  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    standin = createStandin({
      seed: {
        contacts: [
          { id: '501', properties: { firstname: 'Aiko', lastname: 'Tanaka' }, companyId: '9001' },
          { id: '502', properties: { firstname: 'Ben', lastname: 'Ito' } },
          { id: '503', properties: { email: 'chika@example.jp' } },
          {
            id: '504',
            properties: { firstname: 'Aiko', lastname: 'Sato', email: 'aiko.sato@example.jp' },
            companyId: '9002',
          },
        ],
        companies: [
          { id: '9001', properties: { name: 'Kaisha KK' } },
          { id: '9002', properties: { name: 'Sato Shoji' } },
        ],
      },
    });
    ({ url, close } = await standin.listen(0));
    await fetch(`${url}/__standin/owners`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OWNERS),
    });
    clock = Date.parse('2026-12-01T02:00:00Z');
  });
  afterEach(async () => {
    await close();
    await store.close();
    await database.drop();
  });

  const leadsGateway = (): LeadsGateway =>
    createApiClientLeadsGateway({
      accessToken: TOKEN,
      basePath: url,
      hooks: leadsRequestBudget({
        portalId: PORTAL,
        budget: store.rateBudget,
        limitPer10s: 100,
        now: () => clock,
      }),
    });
  /** One run of the job as the worker runs it; `wrap` lets a test break the store under it. */
  async function run(wrap: (s: Store) => Store = (s) => s): Promise<LeadSyncResult> {
    const handler = leadSyncHandler({
      store: wrap(store),
      leadsGatewayFor: leadsGateway,
      gatewayFor: () => createApiClientGateway({ accessToken: TOKEN, basePath: url }),
      now: () => clock,
      // Waiting in a run moves the test's clock on.
      sleep: async (ms) => void (clock += ms),
    });
    return (await handler({ portalId: PORTAL }, {
      signal: new AbortController().signal,
    } as never)) as LeadSyncResult;
  }
  const failures = (rules: unknown[]) =>
    fetch(`${url}/__standin/failures`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules }),
    });
  const hubspotLeads = (): StandinLead[] => [...standin.state.leads.records.values()];
  const row = (contactId: string) => store.leads.latest(PORTAL, contactId);

  it('creates one Lead per handoff, named, owned, associated with the contact and its company, and only once', async () => {
    await store.leads.open(PORTAL, handoff('501', { ownerId: '41629779', companyId: '9001' }), clock);
    await store.leads.open(PORTAL, handoff('502', { teamId: '33', route: 'inside_sales' }), clock);
    expect(await run()).toMatchObject({ outcome: 'drained', created: 2, synced: 2 });
    const [aiko, ben] = hubspotLeads();
    expect(aiko!.properties).toMatchObject({
      hs_lead_name: 'Aiko Tanaka · A1',
      hubspot_owner_id: '41629779',
      hs_pipeline_stage: 'new-stage-id',
      lead_pact_handoff_key: `501:${QUALIFIED}`,
      lead_pact_reasons: 'Company size 1000+ (+40); clicked “get a quote” (+60)',
      lead_pact_grade: 'A1',
      lead_pact_route: 'field_sales',
    });
    expect(aiko!.contacts).toEqual([
      expect.objectContaining({ id: '501', typeIds: expect.arrayContaining([578]) }),
    ]);
    expect(aiko!.companies).toEqual([
      expect.objectContaining({ id: '9001', typeIds: expect.arrayContaining([580]) }),
    ]);
    // Team 33's only member owns Ben's Lead, and the row remembers who.
    expect(ben!.properties.hubspot_owner_id).toBe('41629781');
    expect(await row('502')).toMatchObject({ ownerId: '41629781', teamId: null });
    expect(await row('501')).toMatchObject({
      leadId: aiko!.id,
      hubspotStage: 'new-stage-id',
      status: 'synced',
    });
    expect(await run()).toMatchObject({ outcome: 'drained', created: 0 });
    expect(hubspotLeads()).toHaveLength(2);
  });

  it('names a Lead and associates its company from the contact as HubSpot has it now, read in one batch, when the stored contact had neither', async () => {
    // Stored before Leads were on: no names, no company; HubSpot has Aiko Sato of company 9002.
    await store.leads.open(PORTAL, handoff('504'), clock);
    await store.leads.open(PORTAL, handoff('502'), clock);
    const before = (await (await fetch(`${url}/__standin/requests`)).json()) as { total: number };
    expect(await run()).toMatchObject({ outcome: 'drained', created: 2, rejected: 0 });
    const lead = hubspotLeads().find((l) => l.properties.lead_pact_handoff_key === `504:${QUALIFIED}`);
    expect(lead!.properties.hs_lead_name).toBe('Aiko Sato · A1');
    expect(lead!.companies).toEqual([
      expect.objectContaining({ id: '9002', typeIds: expect.arrayContaining([580]) }),
    ]);
    // The card shows what the Lead was created with.
    expect(await row('504')).toMatchObject({ name: 'Aiko Sato · A1', companyId: '9002', status: 'synced' });
    expect(await row('502')).toMatchObject({ name: 'Ben Ito · A1', companyId: null });
    const { requests } = (await (await fetch(`${url}/__standin/requests?since=${before.total}`)).json()) as {
      requests: { method: string; path: string; ids?: string[] }[];
    };
    // Both contacts in one batch read, before the first Lead was created.
    const reads = requests.filter((r) => r.path.endsWith('/contacts/batch/read'));
    expect(reads.map((r) => [...(r.ids ?? [])].sort())).toEqual([['502', '504']]);
    const firstCreate = requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/leads'));
    expect(requests.indexOf(reads[0]!)).toBeLessThan(firstCreate);
  });

  it('keeps the stored name and company when HubSpot does not answer for the contacts, and creates no Lead for a contact HubSpot no longer has', async () => {
    await store.leads.open(PORTAL, handoff('504', { name: 'Aiko S. · A1', companyId: '9001' }), clock);
    await failures([{ status: 503, every: 1, path: '/contacts/batch/read', times: 1 }]);
    expect(await run()).toMatchObject({ outcome: 'drained', created: 1 });
    expect(hubspotLeads()[0]!.properties.hs_lead_name).toBe('Aiko S. · A1');
    expect(hubspotLeads()[0]!.companies).toEqual([expect.objectContaining({ id: '9001' })]);
    // Deleted (or merged away) in HubSpot since it was handed over: rejected with a clear message, no Lead.
    await store.leads.open(PORTAL, handoff('888'), clock);
    expect(await run()).toMatchObject({ outcome: 'drained', created: 0, rejected: 1 });
    expect(await row('888')).toMatchObject({
      status: 'rejected',
      leadId: null,
      message: 'HubSpot no longer has contact 888 (deleted or merged): no Lead is created',
    });
    expect(hubspotLeads()).toHaveLength(1);
  });

  it('puts the claim back until HubSpot’s hint when the contacts read meets a 429, and creates nothing meanwhile', async () => {
    await store.leads.open(PORTAL, handoff('504'), clock);
    await failures([{ status: 429, every: 1, path: '/contacts/batch/read', times: 1 }]);
    const limited = await run();
    expect(limited).toMatchObject({ outcome: 'more', created: 0, retried: 1 });
    expect(hubspotLeads()).toHaveLength(0);
    clock = limited.resumeAt! + 1;
    expect(await run()).toMatchObject({ outcome: 'drained', created: 1 });
    expect(hubspotLeads()[0]!.properties.hs_lead_name).toBe('Aiko Sato · A1');
  });

  it('moves an accepted Lead to the attempting stage and a rejected one to the disqualified stage with the reason', async () => {
    await store.leads.open(PORTAL, handoff('501'), clock);
    await store.leads.open(PORTAL, handoff('502'), clock);
    await run();
    await store.leads.close(PORTAL, '501', 'accepted', null, null, clock);
    await store.leads.close(PORTAL, '502', 'disqualified', 'rejected', 'Only five seats', clock);
    expect(await run()).toMatchObject({ outcome: 'drained', moved: 2, created: 0 });
    const [accepted, rejected] = hubspotLeads();
    expect(accepted!.properties.hs_pipeline_stage).toBe('attempting-stage-id');
    expect(rejected!.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      hs_lead_disqualification_note: 'rejected: Only five seats',
      lead_pact_disqualification_reason: 'rejected',
    });
    expect(rejected!.properties.hs_lead_disqualification_reason).toBeTruthy();
    expect(await row('502')).toMatchObject({ status: 'synced', hubspotStage: 'unqualified-stage-id' });
  });

  it('creates and disqualifies in one go a Lead recycled before it was ever sent', async () => {
    await store.leads.open(PORTAL, handoff('501'), clock);
    await store.leads.close(PORTAL, '501', 'disqualified', 'sla_no_touch', null, clock);
    expect(await run()).toMatchObject({ created: 1, moved: 1 });
    expect(hubspotLeads()[0]!.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      lead_pact_disqualification_reason: 'sla_no_touch',
    });
  });

  it('gives a contact that comes back later a new Lead once its old one is disqualified, never two open ones', async () => {
    await store.leads.open(PORTAL, handoff('501'), clock);
    await run();
    // Back while its Lead is open: no second Lead.
    expect(await store.leads.open(PORTAL, handoff('501', { handoffAt: QUALIFIED + 1000 }), clock)).toBe(
      false,
    );
    await store.leads.close(PORTAL, '501', 'disqualified', 'sla_no_progress', null, clock);
    const later = QUALIFIED + 40 * 86_400_000;
    expect(await store.leads.open(PORTAL, handoff('501', { handoffAt: later }), clock)).toBe(true);
    expect(await run()).toMatchObject({ outcome: 'drained', created: 1, moved: 1 });
    expect(
      hubspotLeads().map((l) => [l.properties.lead_pact_handoff_key, l.properties.hs_pipeline_stage]),
    ).toEqual([
      [`501:${QUALIFIED}`, 'unqualified-stage-id'],
      [`501:${later}`, 'new-stage-id'],
    ]);
  });

  it('sends nothing to a Lead a rep deleted in HubSpot before its webhook came, and frees the contact for a new Lead', async () => {
    await store.leads.open(PORTAL, handoff('501'), clock);
    await run();
    const [lead] = hubspotLeads();
    await fetch(`${url}/__standin/leads/${lead!.id}`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: '9001' }),
    });
    // Accepted on the card meanwhile: Lead Pact would move it on.
    await store.leads.close(PORTAL, '501', 'accepted', null, null, clock);
    const before = (await (await fetch(`${url}/__standin/requests`)).json()) as { total: number };
    expect(await run()).toMatchObject({ outcome: 'drained', moved: 0, rejected: 0 });
    const { requests } = (await (await fetch(`${url}/__standin/requests?since=${before.total}`)).json()) as {
      requests: { method: string }[];
    };
    expect(requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(await row('501')).toMatchObject({ hubspotStage: 'lead-pact:deleted', status: 'synced' });
    expect(await store.leads.openFor(PORTAL, '501')).toBeUndefined();
    expect(await run()).toMatchObject({ outcome: 'drained', synced: 0 });
  });

  it('leaves a Lead a rep already works where it is when it is accepted', async () => {
    await store.leads.open(PORTAL, handoff('501'), clock);
    await run();
    const [lead] = hubspotLeads();
    await fetch(`${url}/__standin/leads/${lead!.id}/stage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ stage: 'connected-stage-id', userId: '9001' }),
    });
    await store.leads.close(PORTAL, '501', 'accepted', null, null, clock);
    expect(await run()).toMatchObject({ moved: 0, synced: 1 });
    expect(hubspotLeads()[0]!.properties.hs_pipeline_stage).toBe('connected-stage-id');
    expect(await row('501')).toMatchObject({ status: 'synced', hubspotStage: 'connected-stage-id' });
  });

  it('never creates a second Lead when the process dies between HubSpot’s answer and marking the row', async () => {
    await store.leads.open(PORTAL, handoff('501'), clock);
    const dying = (s: Store): Store => ({
      ...s,
      leads: {
        ...s.leads,
        markSynced: () => Promise.reject(new Error('kill -9')),
      },
    });
    await expect(run(dying)).rejects.toThrow('kill -9');
    expect(hubspotLeads()).toHaveLength(1);
    // Claimed and never marked: nothing happens until the claim's lease ends, then the create finds the first Lead.
    expect(await run()).toMatchObject({ outcome: 'more', created: 0 });
    clock += LEAD_CLAIM_LEASE_MS + 1;
    expect(await run()).toMatchObject({ outcome: 'drained', synced: 1 });
    expect(hubspotLeads()).toHaveLength(1);
    expect(await row('501')).toMatchObject({ leadId: hubspotLeads()[0]!.id, status: 'synced' });
  });

  it('waits for HubSpot’s hint on a 429 and queues itself for then; a 503 retries the row and goes on', async () => {
    await store.leads.open(PORTAL, handoff('501'), clock);
    await store.leads.open(PORTAL, handoff('502'), clock);
    // Lead Pact's lead properties first (their own requests), then the creates.
    await leadsGateway().ensureLeadProperties();
    await store.checkpoints.set(PORTAL, 'lead-properties', { ensuredAt: clock }, clock);
    await failures([{ status: 429, every: 1, path: '/objects/2026-03/leads', times: 1 }]);
    const limited = await run();
    expect(limited).toMatchObject({ outcome: 'more', retried: 2, created: 0 });
    expect(limited.resumeAt).toBeGreaterThan(clock);
    expect(await row('501')).toMatchObject({ status: 'pending', attempts: 1 });
    const [queued] = await store.jobs.list({ type: LEAD_SYNC_JOB, portalId: PORTAL, status: 'queued' });
    expect(queued?.runAt).toBe(limited.resumeAt);
    clock = limited.resumeAt! + 1;
    await failures([{ status: 503, every: 1, path: '/objects/2026-03/leads', times: 1 }]);
    const unavailable = await run();
    // 501 meets the 503 and is retried after its backoff, which this run waits for; 502 goes on meanwhile.
    expect(unavailable).toMatchObject({ outcome: 'drained', created: 2, retried: 1 });
    expect(await row('501')).toMatchObject({ status: 'synced', attempts: 0 });
    expect(hubspotLeads()).toHaveLength(2);
  });

  it('records HubSpot’s refusal for good, frees the contact for a later handoff, and goes on with the others', async () => {
    await store.leads.open(PORTAL, handoff('999'), clock);
    await store.leads.open(PORTAL, handoff('503', { ownerId: '123' }), clock);
    await store.leads.open(PORTAL, handoff('501'), clock);
    expect(await run()).toMatchObject({ outcome: 'drained', rejected: 2, created: 1 });
    expect(await row('999')).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('contact 999'),
    });
    expect(await row('503')).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('INVALID_OWNER_ID'),
    });
    expect(await store.leads.open(PORTAL, handoff('503', { handoffAt: QUALIFIED + 1 }), clock)).toBe(true);
  });

  it('sends nothing for a disconnected portal, and disconnects one whose token HubSpot refuses', async () => {
    await store.installations.connect(PORTAL, null, [], clock);
    await store.installations.setStatus(PORTAL, 'disconnected', 'removed', clock);
    await store.leads.open(PORTAL, handoff('501'), clock);
    expect(await run()).toMatchObject({ outcome: 'disconnected', created: 0 });
    expect(hubspotLeads()).toHaveLength(0);
    await store.installations.setStatus(PORTAL, 'connected', null, clock);
    await fetch(`${url}/__standin/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: TOKEN }),
    });
    expect(await run()).toMatchObject({ outcome: 'disconnected' });
    expect((await store.installations.get(PORTAL))?.status).toBe('disconnected');
    expect(await row('501')).toMatchObject({ status: 'pending', leadId: null });
  });
});
