import nock from 'nock';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { registerSyncContacts } from '../../src/jobs/handlers/sync-contacts-handler';
import { createJobRegistry } from '../../src/jobs/job-registry';
import { runLeasedJob } from '../../src/jobs/run-leased-job';
import type { Store } from '../../src/store/create-store';
import type { Job } from '../../src/use-cases/ports/jobs';
import { domainEngine } from '../../src/use-cases/rescore/domain-engine';
import { fixture } from '../hubspot/fixture';
import { serveBatchReads } from '../hubspot/serve-batch-reads';
import { useNock } from '../hubspot/use-nock';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../store/test-databases';
import { applyExampleAgreement } from '../use-cases/apply-example-agreement';

const API = 'https://api.hubapi.com';
const PORTAL = '62515';
const HOUR = 3_600_000;

/** Leases the next due sync job at `now` and runs it the way the worker does (5 attempts, 1 s backoff). */
async function runNext(store: Store, now: number) {
  const job = await store.jobs.lease('w1', now, 30_000, ['sync-contacts']);
  if (!job) return undefined;
  return runLeasedJob(job, {
    workerId: 'w1',
    leaseMs: 30_000,
    now: () => now,
    retryAt: (_job: Job, at: number) => at + 1_000,
    controller: new AbortController(),
    leases: store.jobs,
    registry: registerSyncContacts(createJobRegistry(), {
      store,
      gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: API }),
      engine: domainEngine,
    }),
  });
}

useNock();

describe.each(ENGINE_FACTORIES)('a sync job that meets HubSpot rate limits, on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  const now = Date.now();

  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    await store.installations.connect(PORTAL, null, [], now - 60_000);
    await applyExampleAgreement(store, PORTAL, now - 60_000);
    await store.jobs.enqueue(
      { type: 'sync-contacts', portalId: PORTAL, payload: { portalId: PORTAL, contactIds: ['51'] } },
      now - 1_000,
    );
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('When HubSpot answers the daily limit, then the job waits for the reset with no attempt used, and then syncs the contact', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/read').query(true).reply(429, fixture('error-429-daily'));
    expect(await runNext(store, now)).toMatchObject({ outcome: 'deferred' });
    const [waiting] = await store.jobs.list({ type: 'sync-contacts', portalId: PORTAL });
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0 });
    expect(waiting!.runAt).toBeGreaterThan(now + 60_000);
    expect(waiting!.runAt).toBeLessThanOrEqual(now + 24 * HOUR);
    expect(waiting!.lastError).toMatch(/daily/i);
    // Not due before the reset, however often a worker asks.
    expect(await runNext(store, waiting!.runAt - 1)).toBeUndefined();

    serveBatchReads(API, {
      contacts: 'contacts-batch-read',
      associations: 'associations-contacts-companies-batch-read',
      companies: 'companies-batch-read',
    });
    expect(await runNext(store, waiting!.runAt)).toMatchObject({ outcome: 'succeeded' });
    // The one attempt made is the one that synced: HubSpot's answer is stored, qualified and queued for write-back.
    const [done] = await store.jobs.list({ type: 'sync-contacts', portalId: PORTAL });
    expect(done).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { read: 1, missing: 0, changed: 1 },
    });
    expect((await store.contacts.get(PORTAL, '51'))?.properties).toMatchObject({ jobtitle: '営業部長' });
    expect(await store.qualifications.get(PORTAL, '51')).toMatchObject({
      tier: 'nurture',
      grade: 'A4',
      score: 41,
      agreementVersion: 1,
    });
    expect(await store.outbox.get(PORTAL, '51')).toMatchObject({
      status: 'pending',
      properties: { lead_pact_tier: 'nurture', lead_pact_score: '41' },
    });
  });

  it('When HubSpot answers the ten-second limit, then the job is back within seconds, its attempts untouched', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(429, fixture('error-429-ten-secondly'));
    expect(await runNext(store, now)).toMatchObject({ outcome: 'deferred' });
    const [waiting] = await store.jobs.list({ type: 'sync-contacts', portalId: PORTAL });
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0 });
    expect(waiting!.runAt).toBeGreaterThan(now);
    expect(waiting!.runAt).toBeLessThanOrEqual(now + 15_000);
  });
});
