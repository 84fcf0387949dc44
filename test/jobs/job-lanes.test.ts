import { z } from 'zod';
import { createLanedJobWorker } from '../../src/jobs/job-lanes';
import { createJobRegistry } from '../../src/jobs/job-registry';
import type { Store } from '../../src/store/create-store';
import { useStore } from '../store/store-contract';
import { ENGINE_FACTORIES } from '../store/test-databases';

const fast = { leaseMs: 300, pollMs: 10, backoff: { baseMs: 5, maxMs: 10 } };

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A registry with `waits` (runs until released, like a sync waiting for HubSpot's budget) and `inbox`. */
function registry(prefix: string) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const types = { waits: `${prefix}-waits`, inbox: `${prefix}-inbox`, other: `${prefix}-other` };
  const jobs = createJobRegistry()
    .register(types.waits, z.null(), async () => {
      await released;
      return 'waited';
    })
    .register(types.inbox, z.null(), async () => 'inbox done')
    .register(types.other, z.null(), async () => 'other done');
  return { jobs, types, release };
}

describe.each(ENGINE_FACTORIES)('job lanes on %s', (_engine, make) => {
  const store: () => Store = useStore(make);
  let n = 0;

  it('When a job of the main lane waits, then a queued job of the inbox lane still runs; one of the main lane waits its turn', async () => {
    const { jobs, types, release } = registry(`lanes-${++n}`);
    const now = Date.now();
    const waits = (await store().jobs.enqueue({ type: types.waits, payload: null }, now)).job;
    const other = (await store().jobs.enqueue({ type: types.other, payload: null }, now)).job;
    const worker = createLanedJobWorker({ leases: store().jobs, registry: jobs, ...fast }, [
      { name: 'inbox', types: [types.inbox] },
      { name: 'main', types: 'rest' },
    ]);
    worker.start();
    try {
      await until(async () => (await store().jobs.get(waits.id))?.status === 'running', 'the waiting job');
      const inbox = (await store().jobs.enqueue({ type: types.inbox, payload: null }, Date.now())).job;
      await until(async () => (await store().jobs.get(inbox.id))?.status === 'succeeded', 'the inbox job');
      expect((await store().jobs.get(waits.id))?.status).toBe('running');
      expect((await store().jobs.get(other.id))?.status).toBe('queued');
      release();
      await until(async () => (await store().jobs.get(other.id))?.status === 'succeeded', 'the other job');
    } finally {
      release();
      await worker.stop();
    }
    expect(await store().jobs.get(waits.id)).toMatchObject({ status: 'succeeded', result: 'waited' });
  });

  it('When a lane names no registered type, then it leases nothing and the others work', async () => {
    const { jobs, types } = registry(`lanes-${++n}`);
    const other = (await store().jobs.enqueue({ type: types.other, payload: null }, Date.now())).job;
    const worker = createLanedJobWorker({ leases: store().jobs, registry: jobs, workerId: 'w', ...fast }, [
      { name: 'nothing', types: ['not-registered'] },
      { name: 'main', types: 'rest' },
    ]);
    expect(worker.workerId).toBe('w/main');
    worker.start();
    try {
      await until(async () => (await store().jobs.get(other.id))?.status === 'succeeded', 'the other job');
    } finally {
      await worker.stop();
    }
  });
});
