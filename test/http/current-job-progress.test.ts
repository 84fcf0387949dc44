import { z } from 'zod';
import { currentJob } from '../../src/http/routes/current-job';
import { createJobRegistry } from '../../src/jobs/job-registry';
import { createJobWorker } from '../../src/jobs/job-worker';
import { createStore, type Store } from '../../src/store/create-store';
import { tempSqlite, type TestDatabase } from '../store/test-databases';

const T0 = Date.parse('2026-11-27T09:00:00Z');

/** Waits until `check` holds (polling every 10 ms), failing after a few seconds. */
async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('GET /api/jobs/current progress of a running import', () => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = tempSqlite();
    store = await createStore(database.options);
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('When a resumed job did 1,000 contacts since its first report 15 s ago with 9,000 left, then 135 s are left at that pace, whatever the heartbeats did', async () => {
    let clock = T0;
    let reported = 0;
    let finish: () => void = () => undefined;
    const registry = createJobRegistry().register('full-import', z.null(), async (_payload, ctx) => {
      clock += 2_000; // the first page of this run: the checkpoint says 40,000 were done before a restart
      await ctx.progress({ done: 40_000, total: 50_000 });
      reported++;
      clock += 10_000; // 1,000 more contacts in 10 s
      await ctx.progress({ done: 41_000, total: 50_000 });
      reported++;
      await new Promise<void>((resolve) => (finish = resolve));
      return null;
    });
    const { job } = await store.jobs.enqueue({ type: 'full-import', portalId: '1', payload: null }, T0);
    const worker = createJobWorker({
      leases: store.jobs,
      registry,
      leaseMs: 60_000,
      pollMs: 10,
      now: () => clock,
    });
    worker.start();
    await until(() => reported === 2, 'two progress reports');
    // A heartbeat later moves the job row's own timestamps; the estimate must not move with them.
    clock += 5_000;
    await store.jobs.heartbeat(job.id, (await store.jobs.get(job.id))!.leaseOwner!, clock, 60_000);
    const running = await store.jobs.get(job.id);

    expect(currentJob(running, clock).job).toEqual({
      id: String(job.id),
      kind: 'import',
      done: 41_000,
      total: 50_000,
      startedAt: new Date(T0).toISOString(),
      // 15 s since the pace started (2 s into the run) for 1,000 contacts: 15 ms each, 9,000 left.
      etaSeconds: 135,
    });
    finish();
    await worker.stop();
  });
});
