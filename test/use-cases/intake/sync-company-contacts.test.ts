import nock from 'nock';
import { withRequestBudget } from '../../../src/hubspot/budgeted-gateway';
import { registerSyncCompanyContacts } from '../../../src/jobs/handlers/sync-company-contacts-handler';
import { createJobRegistry, type JobContext } from '../../../src/jobs/job-registry';
import { SYNC_DEBOUNCE_MS } from '../../../src/use-cases/intake/queue-syncs';
import { syncCompanyContacts } from '../../../src/use-cases/intake/sync-company-contacts';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { API, openHarness, PORTAL, type Harness } from '../write-back/write-back-harness';

const READ = '/crm/v4/associations/companies/contacts/batch/read';
const LIMIT = 10;
type Inputs = { inputs: Array<{ id: string; after?: string }> };
const CURSOR = 'MC0xLTExNTA%3D';

useNock();

describe.each(['sqlite', 'postgres'] as const)('syncCompanyContacts on %s', (engine) => {
  let h: Harness;
  let asked: Inputs[];

  beforeEach(async () => {
    h = await openHarness(engine);
    asked = [];
  });
  afterEach(() => h.close());

  /** HubSpot's association batch read: page 1 for the companies, page 2 for 7002 from its cursor. */
  const serveAssociations = (failSecond = false) =>
    nock(API)
      .persist()
      .post(READ, (body: Inputs) => (asked.push(body), true))
      .reply((_uri, body) => {
        const second = (body as Inputs).inputs.some((input) => input.after !== undefined);
        if (!second) return [207, fixture('associations-companies-contacts-batch-read-page-1')];
        return failSecond
          ? [502, fixture('error-502')]
          : [200, fixture('associations-companies-contacts-batch-read-page-2')];
      });
  const deps = () => ({
    store: h.store,
    gatewayFor: () =>
      withRequestBudget(h.gateway, {
        portalId: PORTAL,
        budget: h.store.rateBudget,
        limitPer10s: LIMIT,
        now: h.clock.now,
        sleep: h.clock.sleep,
      }),
    now: h.clock.now,
  });
  const walk = (run = 'job-1') => syncCompanyContacts(deps(), PORTAL, ['7002', '7003', '7099'], { run });
  const syncJobs = async () => h.store.jobs.list({ type: 'sync-contacts', limit: 1000 });
  const queuedIds = async () =>
    (await syncJobs()).flatMap((job) => (job.payload as { contactIds: string[] }).contactIds);

  it('When companies change, then every contact of theirs is queued for a sync in jobs of at most 100, following each company cursor, one budget slot per request', async () => {
    serveAssociations();
    const result = await walk();

    expect(result).toEqual({ companies: 3, requests: 2, queued: 253 });
    expect(asked).toEqual([
      { inputs: [{ id: '7002' }, { id: '7003' }, { id: '7099' }] },
      { inputs: [{ id: '7002', after: CURSOR }] },
    ]);
    const jobs = await syncJobs();
    expect(jobs.every((job) => (job.payload as { contactIds: string[] }).contactIds.length <= 100)).toBe(
      true,
    );
    expect(jobs.every((job) => job.runAt === h.clock.now() + SYNC_DEBOUNCE_MS)).toBe(true);
    const ids = await queuedIds();
    expect(new Set(ids).size).toBe(253);
    expect(ids).toEqual(expect.arrayContaining(['1001', '1150', '1151', '1250', '2001', '2003']));
    expect((await h.store.rateBudget.status(PORTAL, h.clock.now())).inWindow).toBe(2);
    expect(await h.store.checkpoints.get(PORTAL, 'company-contacts:job-1')).toBeUndefined();
  });

  it('When HubSpot fails on the second page, then a retry resumes at that page and no contact is queued twice', async () => {
    serveAssociations(true);
    await expect(walk()).rejects.toMatchObject({ code: 'upstream_failed' });
    expect(await queuedIds()).toHaveLength(153);

    nock.cleanAll();
    asked = [];
    serveAssociations();
    expect(await walk()).toEqual({ companies: 3, requests: 2, queued: 253 });
    expect(asked).toEqual([{ inputs: [{ id: '7002', after: CURSOR }] }]);
    const ids = await queuedIds();
    expect(ids).toHaveLength(253);
    expect(new Set(ids).size).toBe(253);
  });

  it('When contacts are already waiting for a sync, then the walk does not queue them again', async () => {
    serveAssociations();
    await walk('job-1');
    const before = (await syncJobs()).length;
    expect(await walk('job-2')).toMatchObject({ requests: 2, queued: 0 });
    expect(await syncJobs()).toHaveLength(before);
  });

  it('When run as a job, then the job id names the walk, so a retried job continues it', async () => {
    serveAssociations(true);
    const registry = registerSyncCompanyContacts(createJobRegistry(), deps());
    const ctx = { job: { id: 77 }, signal: new AbortController().signal, progress: async () => undefined };
    const payload = { portalId: PORTAL, companyIds: ['7002', '7003'] };
    const job = registry.get('sync-company-contacts');
    await expect(job?.run(payload, ctx as unknown as JobContext)).rejects.toMatchObject({
      code: 'upstream_failed',
    });
    expect(await h.store.checkpoints.get(PORTAL, 'company-contacts:job-77')).toMatchObject({
      rest: [{ companyId: '7002', after: CURSOR }],
    });
  });
});
