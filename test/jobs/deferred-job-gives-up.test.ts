import nock from 'nock';
import { z } from 'zod';
import { AppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { registerSyncContacts } from '../../src/jobs/handlers/sync-contacts-handler';
import { createJobRegistry, type JobRegistry } from '../../src/jobs/job-registry';
import { runLeasedJob, type JobEvent } from '../../src/jobs/run-leased-job';
import type { Store } from '../../src/store/create-store';
import type { Job } from '../../src/use-cases/ports/jobs';
import { domainEngine } from '../../src/use-cases/rescore/domain-engine';
import { fixture } from '../hubspot/fixture';
import { useNock } from '../hubspot/use-nock';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../store/test-databases';
import { applyExampleAgreement } from '../use-cases/apply-example-agreement';

jest.setTimeout(60_000);

const API = 'https://api.hubapi.com';
const PORTAL = '62515';
const HOUR = 3_600_000;
/** Friday 27 Nov 2026, 09:00 UTC: the fake clock's start. */
const START = Date.parse('2026-11-27T09:00:00Z');

/** A fake clock the runner reads; the test moves it to each job's run_at. */
const clock = { at: START, now: () => clock.at };

/** Leases the next due job of `type` at the clock's time and runs it as the worker does. */
async function runNext(store: Store, registry: JobRegistry, type: string): Promise<JobEvent | undefined> {
  const job = await store.jobs.lease('w1', clock.now(), 30_000, [type]);
  if (!job) return undefined;
  return runLeasedJob(job, {
    workerId: 'w1',
    leaseMs: 30_000,
    now: clock.now,
    retryAt: (_job: Job, at: number) => at + 1_000,
    controller: new AbortController(),
    leases: store.jobs,
    registry,
  });
}

/** Runs the job again each time it comes due (the clock jumps to its run_at), at most `max` runs. */
async function runUntilSettled(store: Store, registry: JobRegistry, type: string, max: number) {
  const outcomes: JobEvent['outcome'][] = [];
  for (let run = 0; run < max; run++) {
    const [job] = await store.jobs.list({ type });
    if (!job || job.status !== 'queued') break;
    clock.at = Math.max(clock.at, job.runAt);
    const event = await runNext(store, registry, type);
    outcomes.push(event!.outcome);
  }
  return outcomes;
}

useNock();

describe.each(ENGINE_FACTORIES)('a job HubSpot keeps deferring, on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;

  beforeEach(async () => {
    clock.at = START;
    ({ store, database } = await openTestStore(make));
    await store.installations.connect(PORTAL, null, [], START - 60_000);
    await applyExampleAgreement(store, PORTAL, START - 60_000);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
    await database.drop();
  });

  const syncRegistry = () =>
    registerSyncContacts(createJobRegistry(), {
      store,
      gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: API }),
      engine: domainEngine,
    });
  const queueSync = () =>
    store.jobs.enqueue(
      { type: 'sync-contacts', portalId: PORTAL, payload: { portalId: PORTAL, contactIds: ['51'] } },
      START - 1_000,
    );

  it('When every third batch read answers 429, then the sync gives up after 100 deferrals in a row without progress, dead with its reason', async () => {
    await queueSync();
    // Each run reads the contact and its company association, then the company read meets the ten-second limit.
    nock(API)
      .persist()
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(200, fixture('contacts-batch-read'))
      .post('/crm/v4/associations/contacts/companies/batch/read')
      .query(true)
      .reply(200, fixture('associations-contacts-companies-batch-read'))
      .post('/crm/v3/objects/companies/batch/read')
      .query(true)
      .reply(429, fixture('error-429-ten-secondly'));

    const outcomes = await runUntilSettled(store, syncRegistry(), 'sync-contacts', 150);
    nock.cleanAll();
    expect(outcomes.slice(0, 100)).toEqual(Array(100).fill('deferred'));
    expect(outcomes.slice(100)).toEqual(['dead']);
    const [dead] = await store.jobs.list({ type: 'sync-contacts' });
    expect(dead).toMatchObject({ status: 'dead', deadReason: 'deferred_too_often', attempts: 1 });
    expect(dead!.lastError).toMatch(
      /^gave up: HubSpot's rate limits cut it short 101 times in a row without progress \(limit 100\); last: .*ten_secondly_rolling/,
    );
    // Minutes of fake time, not a day: a job that cannot get through stops spending calls.
    expect(clock.at - START).toBeLessThan(HOUR);
    expect(await store.jobs.deadCounts()).toEqual([
      { type: 'sync-contacts', reason: 'deferred_too_often', count: 1 },
    ]);
  });

  it('When HubSpot answers the daily limit day after day, then the sync gets its run after each reset and gives up once 24 hours have passed since the first deferral', async () => {
    await queueSync();
    // HubSpot's reset is the next midnight of the fake clock, not of the machine's.
    jest.spyOn(Date, 'now').mockImplementation(clock.now);
    nock(API)
      .persist()
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(429, fixture('error-429-daily'));

    const outcomes = await runUntilSettled(store, syncRegistry(), 'sync-contacts', 10);
    nock.cleanAll();
    // 09:00 Fri, then midnight Sat (15 h) deferred again; midnight Sun (39 h): past 24 h, it gives up.
    expect(outcomes).toEqual(['deferred', 'deferred', 'dead']);
    expect(new Date(clock.at).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    const [dead] = await store.jobs.list({ type: 'sync-contacts' });
    expect(dead).toMatchObject({ status: 'dead', deadReason: 'deferred_too_long' });
    expect(dead!.lastError).toMatch(
      /^gave up: HubSpot's rate limits held it back for 39 h without progress \(limit 24 h\)/,
    );
    expect(await store.jobs.deadSince(PORTAL, START)).toEqual([dead]);
  });

  it('When a deferred job reports progress on each run, then it is never given up however long the limits last', async () => {
    const registry = createJobRegistry().register('long-walk', z.object({}), async (_payload, ctx) => {
      await ctx.progress({ done: clock.at - START });
      throw new AppError('rate_limited', 'HubSpot answered 429', [
        { path: 'hubspot.retryAfterMs', message: String(10 * 60_000) },
      ]);
    });
    await store.jobs.enqueue({ type: 'long-walk', portalId: PORTAL, payload: {} }, START);
    // 150 runs ten minutes apart: past both 100 deferrals and 24 hours, each run a step further.
    const outcomes = await runUntilSettled(store, registry, 'long-walk', 150);
    expect(outcomes).toEqual(Array(150).fill('deferred'));
    expect(clock.at - START).toBeGreaterThan(24 * HOUR);
    expect((await store.jobs.list({ type: 'long-walk' }))[0]).toMatchObject({
      status: 'queued',
      deferrals: 1,
    });
  });
});
