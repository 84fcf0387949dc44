import {
  SLA_SWEEP_INTERVAL_MS,
  scheduleSlaSweeps,
  slaSweepHandler,
} from '../../src/jobs/handlers/sla-sweep-handler';
import type { JobContext } from '../../src/jobs/job-registry';
import type { Store } from '../../src/store/create-store';
import { openTestStore, tempSqlite, type TestDatabase } from '../store/test-databases';

const PORTAL = '5150';
/** 30 seconds before a quarter-hour boundary (the sweep's interval slots). */
const JUST_BEFORE_BOUNDARY = Date.UTC(2026, 10, 28, 9, 14, 30);

let store: Store;
let database: TestDatabase;
beforeEach(async () => {
  ({ store, database } = await openTestStore(async () => tempSqlite()));
  await store.installations.connect(PORTAL, null, [], JUST_BEFORE_BOUNDARY);
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

const queuedSweeps = async () =>
  (await store.jobs.list({ type: 'sla-sweep', portalId: PORTAL })).filter((j) => j.status === 'queued');

describe('the periodic SLA sweep', () => {
  it('When a sweep ends just before an interval boundary, then the next one is a whole interval later, not seconds later', async () => {
    const ctx = { job: { id: 1 }, signal: new AbortController().signal, progress: async () => undefined };
    await slaSweepHandler(store, () => JUST_BEFORE_BOUNDARY)(
      { portalId: PORTAL },
      ctx as unknown as JobContext,
    );
    expect((await queuedSweeps()).map((j) => j.runAt)).toEqual([
      JUST_BEFORE_BOUNDARY + SLA_SWEEP_INTERVAL_MS,
    ]);
  });

  it('When two workers start in the same interval, then the portal gets one sweep, due at once', async () => {
    await scheduleSlaSweeps(store, JUST_BEFORE_BOUNDARY);
    await scheduleSlaSweeps(store, JUST_BEFORE_BOUNDARY + 10_000);
    expect((await queuedSweeps()).map((j) => j.runAt)).toEqual([JUST_BEFORE_BOUNDARY]);
  });
});
