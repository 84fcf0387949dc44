import { z } from 'zod';
import { createJobRegistry } from '../../src/jobs/job-registry';
import { createJobWorker, type JobEvent, type JobWorker } from '../../src/jobs/job-worker';
import type { Store } from '../../src/store/create-store';
import { cutPostgres, lockSqlite, restorePostgres } from '../store/database-outages';
import { openTestStore, tempPostgres, tempSqlite, type TestDatabase } from '../store/test-databases';

const fast = { leaseMs: 3_000, pollMs: 20, backoff: { baseMs: 5, maxMs: 10 } };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(20);
  }
}

describe('a worker whose PostgreSQL database goes away and comes back', () => {
  let store: Store;
  let database: TestDatabase;
  let worker: JobWorker | undefined;
  const unhandled: unknown[] = [];
  const remember = (reason: unknown) => unhandled.push(reason);

  beforeEach(async () => {
    ({ store, database } = await openTestStore(tempPostgres));
    unhandled.length = 0;
    process.on('unhandledRejection', remember);
  });
  afterEach(async () => {
    await restorePostgres(database.options.databaseUrl!);
    await worker?.stop(1_000);
    process.off('unhandledRejection', remember);
    await store.close();
    await database.drop();
  });

  it('When leasing fails while the database is away, then the worker keeps polling with no unhandled rejection, and runs the queued job once it is back', async () => {
    const ran: number[] = [];
    const registry = createJobRegistry().register(
      'outage-poll',
      z.object({ n: z.number() }),
      async ({ n }) => {
        ran.push(n);
      },
    );
    const leaseErrors: number[] = [];
    let recovered = 0;
    worker = createJobWorker({
      leases: store.jobs,
      registry,
      ...fast,
      onLeaseError: (_error, failures) => leaseErrors.push(failures),
      onLeaseRecovered: () => (recovered += 1),
    });
    // Due only after the cut: the worker meets the outage while polling.
    const { job } = await store.jobs.enqueue(
      { type: 'outage-poll', payload: { n: 7 }, runAt: Date.now() + 1_500 },
      Date.now(),
    );
    worker.start();
    await cutPostgres(database.options.databaseUrl!);
    await until(async () => leaseErrors.length >= 3, 'the worker to meet the outage');
    expect(ran).toEqual([]);

    await restorePostgres(database.options.databaseUrl!);
    await until(async () => (await store.jobs.get(job.id))?.status === 'succeeded', 'the job to run');
    expect(ran).toEqual([7]);
    expect(recovered).toBe(1);
    expect(unhandled).toEqual([]);
  });

  it('When the database fails under a running job, then the job is given back unattempted and runs to completion once it is back', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const registry = createJobRegistry().register('outage-run', z.null(), async (_payload, ctx) => {
      runs += 1;
      if (runs === 1) await gate;
      await ctx.progress({ done: 1, total: 1 });
      return { runs };
    });
    const events: JobEvent['outcome'][] = [];
    worker = createJobWorker({
      leases: store.jobs,
      registry,
      ...fast,
      onEvent: (e) => events.push(e.outcome),
    });
    const { job } = await store.jobs.enqueue({ type: 'outage-run', payload: null }, Date.now());
    worker.start();
    await until(async () => runs === 1, 'the job to start');
    await cutPostgres(database.options.databaseUrl!);
    release(); // its progress report now meets the outage
    await pause(500);
    expect(events).toEqual([]);

    await restorePostgres(database.options.databaseUrl!);
    await until(async () => (await store.jobs.get(job.id))?.status === 'succeeded', 'the job to finish');
    expect(events).toEqual(['outage', 'succeeded']);
    expect(await store.jobs.get(job.id)).toMatchObject({ attempts: 1, result: { runs: 2 } });
    expect(unhandled).toEqual([]);
  });
});

describe('a worker whose SQLite file another process keeps locked', () => {
  let store: Store;
  let database: TestDatabase;

  beforeEach(async () => ({ store, database } = await openTestStore(async () => tempSqlite())));
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('When a lease waits past the busy timeout, then the worker reports it, waits, and runs the job once the lock is released', async () => {
    const ran: string[] = [];
    const registry = createJobRegistry().register('locked-out', z.null(), async () => void ran.push('ran'));
    const leaseErrors: string[] = [];
    const unhandled: unknown[] = [];
    const remember = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', remember);
    const { job } = await store.jobs.enqueue({ type: 'locked-out', payload: null }, Date.now());
    const lock = lockSqlite(database.options.dataDir);
    const worker = createJobWorker({
      leases: store.jobs,
      registry,
      ...fast,
      onLeaseError: (error) => leaseErrors.push((error as Error).message),
    });
    try {
      worker.start();
      // SQLite's busy timeout (10 s) passes before the first lease gives up.
      await until(async () => leaseErrors.length >= 1, 'the lease to give up', 20_000);
      expect(leaseErrors[0]).toBe(
        'The database is unavailable: the database file is locked by another process.',
      );
      expect(ran).toEqual([]);
      lock.release();
      await until(async () => (await store.jobs.get(job.id))?.status === 'succeeded', 'the job to run');
      expect(ran).toEqual(['ran']);
      expect(unhandled).toEqual([]);
    } finally {
      await worker.stop(1_000);
      process.off('unhandledRejection', remember);
    }
  });
});
