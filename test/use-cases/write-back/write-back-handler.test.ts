import { AppError } from '../../../src/domain/app-error';
import { writeBackHandler } from '../../../src/jobs/handlers/write-back-handler';
import type { JobContext } from '../../../src/jobs/job-registry';
import { enqueueWriteBack } from '../../../src/use-cases/write-back/enqueue-write-back';
import { openHarness, PORTAL, START, writes, type Harness } from './write-back-harness';

const context = { signal: new AbortController().signal } as unknown as JobContext;
const dailyLimit = () =>
  new AppError('rate_limited', 'You have reached your daily limit.', [
    { path: 'hubspot.policyName', message: 'DAILY' },
    { path: 'hubspot.retryAfterMs', message: '3600000' },
  ]);

describe('write-back job', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness('sqlite');
  });
  afterEach(() => h.close());

  it('When HubSpot says the daily limit is reached, then the next write-back job waits for the reset', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['1']), START);
    const handler = writeBackHandler({
      store: h.store,
      limitPer10s: 100,
      now: h.clock.now,
      gatewayFor: () => ({ updateContacts: () => Promise.reject(dailyLimit()) }),
    });

    await handler({ portalId: PORTAL }, context);

    const [next] = await h.store.jobs.list({ type: 'write-back', portalId: PORTAL });
    expect(next).toMatchObject({ status: 'queued', runAt: START + 3_600_000 });
    expect(await h.store.outbox.counts(PORTAL)).toMatchObject({ pending: 1 });
  });

  it('When the outbox is drained, then no further job is queued', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(['1', '2']), START);
    const handler = writeBackHandler({
      store: h.store,
      limitPer10s: 100,
      now: h.clock.now,
      gatewayFor: () => ({
        updateContacts: (inputs) => Promise.resolve({ written: inputs.map((i) => i.id), rejected: [] }),
      }),
    });

    expect(await handler({ portalId: PORTAL }, context)).toMatchObject({ outcome: 'drained', written: 2 });
    expect(await h.store.jobs.list({ type: 'write-back' })).toEqual([]);
  });

  it('When writes are queued twice while a job waits, then the portal still has one write-back job', async () => {
    await enqueueWriteBack(h.store.jobs, PORTAL, START);
    await enqueueWriteBack(h.store.jobs, PORTAL, START + 5);

    expect(await h.store.jobs.list({ type: 'write-back', portalId: PORTAL })).toHaveLength(1);
  });
});
