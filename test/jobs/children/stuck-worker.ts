// Child process: leases the job, reports progress, then hangs until it is killed (SIGKILL in the test).
import { z } from 'zod';
import { createJobRegistry } from '../../../src/jobs/job-registry';
import { createJobWorker } from '../../../src/jobs/job-worker';
import { createStore } from '../../../src/store/create-store';

async function main(databaseUrl: string, dataDir: string): Promise<void> {
  const store = await createStore({ databaseUrl: databaseUrl || undefined, dataDir });
  const registry = createJobRegistry().register(
    'slow',
    z.object({ steps: z.number() }),
    async (_payload, ctx) => {
      await ctx.progress({ done: 1, total: 2 });
      process.stdout.write('halfway\n');
      await new Promise(() => undefined);
    },
  );
  createJobWorker({ leases: store.jobs, registry, leaseMs: 1_000, pollMs: 20 }).start();
}

main(process.argv[2] ?? '', process.argv[3] ?? '/tmp').catch((error) => {
  console.error(error);
  process.exit(1);
});
