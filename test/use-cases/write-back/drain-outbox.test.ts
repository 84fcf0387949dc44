import nock from 'nock';
import { drainOutbox } from '../../../src/use-cases/write-back/drain-outbox';
import { pausedPortals } from '../../../src/use-cases/write-back/paused-portals';
import type { WriteBackOptions } from '../../../src/use-cases/write-back/write-back-ports';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { API, idsUpTo, openHarness, PORTAL, writes, type Harness } from './write-back-harness';

const UPDATE = '/crm/v3/objects/contacts/batch/update';
type Sent = { inputs: { id: string; properties: Record<string, string> }[] };
const okFor = (body: Sent) => ({
  status: 'COMPLETE',
  results: body.inputs.map((i) => ({ id: i.id, properties: i.properties, archived: false })),
});

useNock();

describe.each(['sqlite', 'postgres'] as const)('drainOutbox on %s', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness(engine);
  });
  afterEach(() => h.close());

  const drain = (extra: Partial<WriteBackOptions> = {}) =>
    drainOutbox(h.store, {
      portalId: PORTAL,
      limitPer10s: 100,
      gateway: h.gateway,
      now: h.clock.now,
      sleep: h.clock.sleep,
      ...extra,
    });

  it('When HubSpot rejects one contact of a batch (207), then it is recorded with HubSpot message and the rest is written', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['51', '999']), h.clock.now());
    nock(API).post(UPDATE).reply(207, fixture('contacts-batch-update-207'));

    const result = await drain();

    expect(result).toMatchObject({ outcome: 'drained', requests: 1, written: 1, rejected: 1 });
    expect(await h.store.outbox.get(PORTAL, '51')).toMatchObject({ status: 'sent' });
    expect(await h.store.outbox.get(PORTAL, '999')).toMatchObject({
      status: 'rejected',
      message: expect.stringContaining('Could not get some CONTACT objects') as unknown,
    });
  });

  it('When HubSpot answers TEN_SECONDLY_ROLLING 429, then the writer waits and the same batch goes through', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['1', '2']), h.clock.now());
    const started = h.clock.now();
    nock(API)
      .post(UPDATE)
      .reply(429, fixture('error-429-ten-secondly'), { 'retry-after': '2' })
      .post(UPDATE)
      .reply(200, (_uri, body) => okFor(body as Sent));

    const result = await drain();

    expect(result).toMatchObject({ outcome: 'drained', requests: 2, written: 2 });
    expect(h.clock.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(await h.store.outbox.counts(PORTAL)).toEqual({ pending: 0, sent: 2, rejected: 0 });
  });

  it('When HubSpot answers DAILY 429, then the portal pauses until the reset, keeps its writes and says so', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['1', '2']), h.clock.now());
    nock(API).post(UPDATE).reply(429, fixture('error-429-daily'));

    const result = await drain();
    const again = await drain();

    expect(result.outcome).toBe('paused');
    expect(result.resumeAt).toBeGreaterThan(h.clock.now() + 60_000);
    expect(again).toMatchObject({ outcome: 'more', requests: 0 });
    expect(await h.store.outbox.counts(PORTAL)).toEqual({ pending: 2, sent: 0, rejected: 0 });
    const [paused] = await pausedPortals(h.store, h.clock.now());
    expect(paused?.message).toMatch(/daily API limit: writes are paused until/);
  });

  it('When HubSpot answers 503, then the batch is retried after a backoff and written', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['1']), h.clock.now());
    nock(API)
      .post(UPDATE)
      .reply(503, fixture('error-502'))
      .post(UPDATE)
      .reply(200, (_uri, body) => okFor(body as Sent));

    const result = await drain();

    expect(result).toMatchObject({ outcome: 'drained', requests: 2, written: 1, retried: 1 });
    expect(await h.store.outbox.get(PORTAL, '1')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('When HubSpot refuses the token, then the portal is disconnected and its writes stay pending', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['1']), h.clock.now());
    nock(API).post(UPDATE).reply(401, fixture('error-401-expired'));

    const result = await drain();

    expect(result.outcome).toBe('disconnected');
    expect(await h.store.installations.get(PORTAL)).toMatchObject({ status: 'disconnected' });
    expect(await h.store.outbox.counts(PORTAL)).toEqual({ pending: 1, sent: 0, rejected: 0 });
    expect(await drain()).toMatchObject({ outcome: 'disconnected', requests: 0 });
  });

  it('When the run is stopped while a batch waits for the request budget, then nothing is sent and the batch is due again at once', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['1', '2']), h.clock.now());
    for (let i = 0; i < 3; i++) await h.store.rateBudget.reserveRequests(PORTAL, 3, h.clock.now());
    const stop = new AbortController();
    const sleeps: number[] = [];

    const result = await drain({
      limitPer10s: 3,
      signal: stop.signal,
      sleep: async (ms) => {
        sleeps.push(ms);
        stop.abort();
      },
    });

    // One wait for the window (10 s plus the margin), cut short: the batch goes back unsent, due now.
    expect(sleeps).toEqual([10_025]);
    expect(result).toMatchObject({ outcome: 'paused', requests: 0, resumeAt: h.clock.now() });
    expect(await h.store.outbox.get(PORTAL, '1')).toMatchObject({
      status: 'pending',
      nextAttemptAt: h.clock.now(),
      message: 'waiting for the request budget',
    });
  });

  it('When 1,000 contacts wait and the ceiling is 3 per 10 s, then no 10-second window holds more than 3 batch updates', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(idsUpTo(1000)), h.clock.now());
    const at: number[] = [];
    nock(API)
      .post(UPDATE)
      .times(10)
      .reply(200, (_uri, body) => (at.push(h.clock.now()), okFor(body as Sent)));

    const result = await drain({ limitPer10s: 3, maxRunMs: 600_000 });

    expect(result).toMatchObject({ outcome: 'drained', requests: 10, written: 1000 });
    const busiest = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 10_000).length));
    expect(busiest).toBe(3);
  });
});
