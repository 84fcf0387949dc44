import { Client } from 'pg';
import { z } from 'zod';
import { createJobRegistry } from '../../src/jobs/job-registry';
import { createJobWorker } from '../../src/jobs/job-worker';
import { createStore } from '../../src/store/create-store';
import { ENGINE_FACTORIES, tempPostgres, type TestDatabase } from '../store/test-databases';
import { exited, printed, startChild } from './run-child';

jest.setTimeout(120_000);

describe('two worker processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  afterAll(async () => database?.drop());

  it('drain 300 jobs between them and never run one twice', async () => {
    database = await tempPostgres();
    const url = database.options.databaseUrl!;
    const store = await createStore(database.options);
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(
      'create table job_runs (job_id bigint primary key, runs integer not null, pid integer not null)',
    );
    for (let n = 0; n < 300; n++) await store.jobs.enqueue({ type: 'count', payload: { n } }, Date.now());

    const workers = [
      startChild('jobs/children/drain-worker.ts', [url]),
      startChild('jobs/children/drain-worker.ts', [url]),
    ];
    expect(await Promise.all(workers.map(exited))).toEqual([0, 0]);

    const runs = await client.query(
      'select count(*)::int as jobs, max(runs) as most, count(distinct pid)::int as pids from job_runs',
    );
    expect(runs.rows[0]).toEqual({ jobs: 300, most: 1, pids: 2 });
    expect(await store.jobs.counts()).toMatchObject({ queued: 0, running: 0, succeeded: 300, dead: 0 });
    await client.end();
    await store.close();
  });
});

describe.each(ENGINE_FACTORIES)('a worker killed with SIGKILL on %s', (_engine, make) => {
  it('leaves its job to another worker once the lease expires, which completes it', async () => {
    const database = await make();
    const store = await createStore(database.options);
    const { job } = await store.jobs.enqueue({ type: 'slow', payload: { steps: 2 } }, Date.now());
    const child = startChild('jobs/children/stuck-worker.ts', [
      database.options.databaseUrl ?? '',
      database.options.dataDir,
    ]);
    await printed(child, 'halfway');
    child.kill('SIGKILL');
    await exited(child);
    expect(await store.jobs.get(job.id)).toMatchObject({
      status: 'running',
      progress: { done: 1, total: 2 },
    });

    const registry = createJobRegistry().register(
      'slow',
      z.object({ steps: z.number() }),
      async (_p, ctx) => {
        await ctx.progress({ done: 2, total: 2 });
        return 'finished';
      },
    );
    const worker = createJobWorker({ leases: store.jobs, registry, leaseMs: 1_000, pollMs: 50 });
    worker.start();
    for (let i = 0; i < 200 && (await store.jobs.get(job.id))?.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await worker.stop();
    expect(await store.jobs.get(job.id)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      result: 'finished',
    });
    await store.close();
    await database.drop();
  });
});
