import { reportDeadJobsFrom } from '../../src/jobs/dead-jobs-gauge';
import type { Store } from '../../src/store/create-store';
import type { DeadReason } from '../../src/use-cases/ports/jobs';
import { connectPortal } from './routes/api-seed';
import { DAY, NOW, PORTAL_A, PORTAL_B, startApi, type Api } from './routes/api-harness';

const HOUR = 3_600_000;

/** Queues a job of `type` for `portalId` and has a worker give up on it at `at` with `reason`. */
async function deadJob(
  store: Store,
  portalId: number,
  type: string,
  reason: DeadReason,
  message: string,
  at: number,
) {
  const { job } = await store.jobs.enqueue({ type, portalId: String(portalId), payload: {} }, at - 1_000);
  await store.jobs.lease('w1', at, 30_000, [type]);
  await store.jobs.fail(job.id, 'w1', message, at, null, reason);
  return job.id;
}

const GAVE_UP =
  "gave up: HubSpot's rate limits cut it short 101 times in a row without progress (limit 100); last: AppError: ...";

describe('jobs that gave up', () => {
  let api: Api;
  beforeEach(async () => {
    api = await startApi();
    await connectPortal(api);
    await connectPortal(api, PORTAL_B);
    reportDeadJobsFrom(() => api.store.jobs.deadCounts());
  });
  afterEach(async () => {
    reportDeadJobsFrom(undefined);
    await api.close();
  });

  it("When a portal's sync gave up an hour ago, then the settings page's job endpoint lists it with its reason and time, and no other portal's or week-old ones", async () => {
    await deadJob(api.store, PORTAL_A, 'write-back', 'attempts_exhausted', 'Error: boom', NOW - 8 * DAY);
    const id = await deadJob(api.store, PORTAL_A, 'sync-contacts', 'deferred_too_often', GAVE_UP, NOW - HOUR);
    await deadJob(api.store, PORTAL_B, 'sync-contacts', 'deferred_too_long', 'gave up: ...', NOW - HOUR);

    const res = await api.call('GET', '/api/jobs/current', { portalId: PORTAL_A, user: 'm1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      job: null,
      gaveUp: [
        {
          id: String(id),
          type: 'sync-contacts',
          reason: 'deferred_too_often',
          message: GAVE_UP,
          at: '2026-11-27T08:00:00.000Z',
        },
      ],
    });
  });

  it('When jobs gave up, then /metrics counts the dead jobs by type and reason', async () => {
    await deadJob(api.store, PORTAL_A, 'sync-contacts', 'deferred_too_often', GAVE_UP, NOW - HOUR);
    await deadJob(api.store, PORTAL_B, 'sync-contacts', 'deferred_too_often', GAVE_UP, NOW - HOUR);
    await deadJob(api.store, PORTAL_B, 'full-import', 'deferred_too_long', 'gave up: ...', NOW - HOUR);

    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toContain('lead_pact_dead_jobs{type="sync-contacts",reason="deferred_too_often"} 2');
    expect(text).toContain('lead_pact_dead_jobs{type="full-import",reason="deferred_too_long"} 1');
  });
});
