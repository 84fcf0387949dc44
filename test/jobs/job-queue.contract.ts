import type { Store } from '../../src/store/create-store';

/** Enqueue, lease, heartbeat, retry, dead letters and release: the same behaviour on both engines. */
export function jobQueueContract(store: () => Store) {
  let n = 0;
  const type = () => `test-${++n}`;

  it('adds a job once per idempotency key', async () => {
    const t = type();
    const first = await store().jobs.enqueue({ type: t, payload: { a: 1 }, idempotencyKey: `k-${t}` }, 1);
    const again = await store().jobs.enqueue({ type: t, payload: { a: 2 }, idempotencyKey: `k-${t}` }, 2);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, job: { id: first.job.id, payload: { a: 1 } } });
  });

  it('leases a due job to one worker only, and not a job that is not due yet', async () => {
    const t = type();
    await store().jobs.enqueue({ type: t, payload: 'later', runAt: 500 }, 1);
    const { job } = await store().jobs.enqueue({ type: t, payload: 'now' }, 1);
    const leased = await Promise.all([
      store().jobs.lease('w1', 10, 1000, [t]),
      store().jobs.lease('w2', 10, 1000, [t]),
    ]);
    expect(leased.filter(Boolean).map((j) => j!.id)).toEqual([job.id]);
    expect(leased.find(Boolean)).toMatchObject({ status: 'running', attempts: 1, leaseExpiresAt: 1010 });
  });

  it('gives a job whose lease expired to another worker, and ignores the first worker afterwards', async () => {
    const t = type();
    const { job } = await store().jobs.enqueue({ type: t, payload: null }, 1);
    await store().jobs.lease('w1', 10, 100, [t]);
    expect(await store().jobs.lease('w2', 50, 100, [t])).toBeUndefined();
    expect(await store().jobs.lease('w2', 111, 100, [t])).toMatchObject({
      id: job.id,
      attempts: 2,
      leaseOwner: 'w2',
    });
    expect(await store().jobs.heartbeat(job.id, 'w1', 112, 100)).toBe(false);
    expect(await store().jobs.complete(job.id, 'w1', 'late', 113)).toBe(false);
    expect(await store().jobs.complete(job.id, 'w2', { ok: true }, 114)).toBe(true);
    expect(await store().jobs.get(job.id)).toMatchObject({
      status: 'succeeded',
      result: { ok: true },
      finishedAt: 114,
    });
  });

  it('keeps a job leased while its worker sends heartbeats, and shows its progress', async () => {
    const t = type();
    const { job } = await store().jobs.enqueue({ type: t, payload: null }, 1);
    await store().jobs.lease('w1', 10, 100, [t]);
    expect(await store().jobs.heartbeat(job.id, 'w1', 90, 100)).toBe(true);
    await store().jobs.setProgress(job.id, 'w1', { done: 5, total: 10 }, 95);
    expect(await store().jobs.lease('w2', 150, 100, [t])).toBeUndefined();
    expect(await store().jobs.get(job.id)).toMatchObject({
      progress: { done: 5, total: 10 },
      leaseExpiresAt: 190,
    });
  });

  it("leaves a disconnected portal's jobs queued, and leases them again once the app is reinstalled there", async () => {
    const t = type();
    const portal = `portal-${t}`;
    await store().installations.connect(portal, null, [], 1);
    const { job } = await store().jobs.enqueue({ type: t, portalId: portal, payload: null }, 1);
    const { job: static1 } = await store().jobs.enqueue(
      { type: t, portalId: `static-${t}`, payload: null },
      1,
    );
    await store().installations.setStatus(portal, 'disconnected', 'HubSpot refused the refresh token', 2);
    expect((await store().jobs.lease('w1', 10, 100, [t]))?.id).toBe(static1.id);
    expect(await store().jobs.lease('w1', 10, 100, [t])).toBeUndefined();
    expect(await store().jobs.get(job.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await store().installations.connect(portal, null, [], 20);
    expect(await store().jobs.lease('w1', 30, 100, [t])).toMatchObject({ id: job.id, attempts: 1 });
  });

  it('gives a job back without counting the attempt, keeping why', async () => {
    const t = type();
    const { job } = await store().jobs.enqueue({ type: t, payload: null }, 1);
    await store().jobs.lease('w1', 10, 100, [t]);
    expect(await store().jobs.release(job.id, 'w1', 20, 'portal disconnected')).toBe(true);
    expect(await store().jobs.get(job.id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      runAt: 20,
      lastError: 'portal disconnected',
    });
  });

  it('retries a failed job at the given time, then dead-letters it with the last error', async () => {
    const t = type();
    const { job } = await store().jobs.enqueue({ type: t, payload: null, maxAttempts: 2 }, 1);
    await store().jobs.lease('w1', 10, 100, [t]);
    expect(await store().jobs.fail(job.id, 'w1', 'first', 20, 500)).toBe('retry');
    expect(await store().jobs.lease('w1', 499, 100, [t])).toBeUndefined();
    await store().jobs.lease('w1', 500, 100, [t]);
    expect(await store().jobs.fail(job.id, 'w1', 'second', 510, 900)).toBe('dead');
    expect(await store().jobs.get(job.id)).toMatchObject({
      status: 'dead',
      attempts: 2,
      lastError: 'second',
    });
    expect(await store().jobs.lease('w1', 10_000, 100, [t])).toBeUndefined();
  });

  it('dead-letters a job whose lease keeps expiring (a worker that always crashes on it)', async () => {
    const t = type();
    const { job } = await store().jobs.enqueue({ type: t, payload: null, maxAttempts: 1 }, 1);
    await store().jobs.lease('w1', 10, 100, [t]);
    expect(await store().jobs.lease('w2', 200, 100, [t])).toBeUndefined();
    expect(await store().jobs.get(job.id)).toMatchObject({
      status: 'dead',
      lastError: expect.stringContaining('lease expired'),
    });
  });

  it('takes a released job back without counting the attempt', async () => {
    const t = type();
    const { job } = await store().jobs.enqueue({ type: t, payload: null }, 1);
    await store().jobs.lease('w1', 10, 100, [t]);
    expect(await store().jobs.release(job.id, 'w1', 20)).toBe(true);
    expect(await store().jobs.lease('w2', 20, 100, [t])).toMatchObject({ id: job.id, attempts: 1 });
  });

  it('reports the running job of a portal and counts jobs per status', async () => {
    const t = type();
    const portal = `p-${t}`;
    const { job } = await store().jobs.enqueue({ type: t, portalId: portal, payload: null }, 1);
    expect(await store().jobs.current(portal, [t])).toMatchObject({ id: job.id, status: 'queued' });
    await store().jobs.lease('w1', 10, 100, [t]);
    expect(await store().jobs.current(portal, [t])).toMatchObject({ id: job.id, status: 'running' });
    // A shorter job of another type running beside it (a write-back beside an import) does not hide it.
    const other = `${t}-other`;
    await store().jobs.enqueue({ type: other, portalId: portal, payload: null }, 2);
    await store().jobs.lease('w2', 11, 100, [other]);
    expect(await store().jobs.current(portal, [t])).toMatchObject({ id: job.id, status: 'running' });
    expect(await store().jobs.current(portal, [other])).toMatchObject({ type: other, status: 'running' });
    expect((await store().jobs.counts()).running).toBeGreaterThanOrEqual(1);
  });
}
