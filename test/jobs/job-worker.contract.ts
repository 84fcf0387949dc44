import { z } from 'zod';
import { createJobRegistry } from '../../src/jobs/job-registry';
import { createJobWorker, type JobEvent } from '../../src/jobs/job-worker';
import type { Store } from '../../src/store/create-store';

const fast = { leaseMs: 300, pollMs: 10, backoff: { baseMs: 5, maxMs: 10 } };

/** Waits until `check` holds (polling), failing after a few seconds. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The worker loop on a real store: handlers, retries, invalid payloads, graceful stop. */
export function jobWorkerContract(store: () => Store) {
  let n = 0;
  const type = () => `worker-${++n}`;

  it('runs a job through its handler and stores the result and the progress it reported', async () => {
    const t = type();
    const registry = createJobRegistry().register(t, z.object({ x: z.number() }), async ({ x }, ctx) => {
      await ctx.progress({ done: 1, total: 1 });
      return { doubled: x * 2 };
    });
    const { job } = await store().jobs.enqueue({ type: t, payload: { x: 21 } }, Date.now());
    const worker = createJobWorker({ leases: store().jobs, registry, ...fast });
    worker.start();
    await until(async () => (await store().jobs.get(job.id))?.status === 'succeeded', 'the job to succeed');
    await worker.stop();
    expect(await store().jobs.get(job.id)).toMatchObject({
      result: { doubled: 42 },
      progress: { done: 1, total: 1 },
    });
  });

  it('retries a handler that fails and records the success of the later attempt', async () => {
    const t = type();
    let calls = 0;
    const events: JobEvent['outcome'][] = [];
    const registry = createJobRegistry().register(t, z.null(), async () => {
      calls += 1;
      if (calls < 3) throw new Error(`flaky ${calls}`);
      return 'ok';
    });
    const { job } = await store().jobs.enqueue({ type: t, payload: null }, Date.now());
    const worker = createJobWorker({
      leases: store().jobs,
      registry,
      ...fast,
      onEvent: (e) => events.push(e.outcome),
    });
    worker.start();
    await until(async () => (await store().jobs.get(job.id))?.status === 'succeeded', 'the job to succeed');
    await worker.stop();
    expect(events).toEqual(['retry', 'retry', 'succeeded']);
    expect(await store().jobs.get(job.id)).toMatchObject({ attempts: 3, lastError: 'Error: flaky 2' });
  });

  it('dead-letters a job with an invalid payload at once, naming the field', async () => {
    const t = type();
    const registry = createJobRegistry().register(t, z.object({ portalId: z.string() }), async () => 'never');
    const { job } = await store().jobs.enqueue({ type: t, payload: { portalId: 7 } }, Date.now());
    const worker = createJobWorker({ leases: store().jobs, registry, ...fast });
    worker.start();
    await until(async () => (await store().jobs.get(job.id))?.status === 'dead', 'the job to be dead');
    await worker.stop();
    expect((await store().jobs.get(job.id))?.lastError).toContain('invalid payload');
  });

  it('gives a running job back when stopped, so another worker can finish it', async () => {
    const t = type();
    let started = false;
    const registry = createJobRegistry().register(t, z.null(), async (_p, ctx) => {
      started = true;
      await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
    });
    const { job } = await store().jobs.enqueue({ type: t, payload: null }, Date.now());
    const worker = createJobWorker({ leases: store().jobs, registry, ...fast });
    worker.start();
    await until(async () => started, 'the handler to start');
    await worker.stop(50);
    expect(await store().jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null });
  });
}
