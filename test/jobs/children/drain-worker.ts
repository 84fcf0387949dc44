// Child process: a worker that counts each job it runs in `job_runs`, until the queue is empty.
import { Pool } from 'pg';
import { z } from 'zod';
import { createJobRegistry } from '../../../src/jobs/job-registry';
import { createJobWorker } from '../../../src/jobs/job-worker';
import { createStore } from '../../../src/store/create-store';

async function main(databaseUrl: string): Promise<void> {
  const store = await createStore({ databaseUrl, dataDir: '/tmp' });
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const registry = createJobRegistry().register(
    'count',
    z.object({ n: z.number() }),
    async (_payload, ctx) => {
      await pool.query(
        'insert into job_runs (job_id, runs, pid) values ($1, 1, $2) on conflict (job_id) do update set runs = job_runs.runs + 1',
        [ctx.job.id, process.pid],
      );
      await new Promise((r) => setTimeout(r, Math.random() * 5));
    },
  );
  const worker = createJobWorker({ leases: store.jobs, registry, leaseMs: 5_000, pollMs: 20 });
  worker.start();
  for (;;) {
    const counts = await store.jobs.counts();
    if (counts.queued === 0 && counts.running === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await worker.stop();
  await pool.end();
  await store.close();
}

main(process.argv[2] ?? '').catch((error) => {
  console.error(error);
  process.exit(1);
});
