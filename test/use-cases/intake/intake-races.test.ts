import type { HubSpotGateway } from '../../../src/hubspot/hubspot-gateway';
import type { WebhookEvent } from '../../../src/hubspot/webhook-events';
import type { Store } from '../../../src/store/create-store';
import { processInbox } from '../../../src/use-cases/intake/process-inbox';
import { receiveWebhookEvents } from '../../../src/use-cases/intake/receive-webhook-events';
import { syncContacts } from '../../../src/use-cases/intake/sync-contacts';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { enqueueWriteBack } from '../../../src/use-cases/write-back/enqueue-write-back';
import { openTestStore, tempPostgres, type TestDatabase } from '../../store/test-databases';
import { applyExampleAgreement } from '../apply-example-agreement';

// Only PostgreSQL runs two write transactions at once; SQLite has one writer, so these races cannot happen there.
const PORTAL = '62515';
const NOW = Date.UTC(2026, 10, 27, 9);
let store: Store;
let database: TestDatabase;

beforeEach(async () => {
  ({ store, database } = await openTestStore(tempPostgres));
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

const event = (eventId: string, contactId: string): WebhookEvent => ({
  eventId,
  portalId: Number(PORTAL),
  occurredAt: NOW,
  kind: 'property_changed',
  contactId,
  propertyName: 'jobtitle',
  propertyValue: 'CEO',
});

/**
 * The store with its transactions held open after their work until `release()`, so a test can act while they
 * are uncommitted. `reached` resolves once one is waiting.
 */
function holdingCommits(store: Store) {
  let release!: () => void;
  let reachedNow!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (reachedNow = resolve));
  const held: Store = {
    ...store,
    transaction: (fn) =>
      store.transaction(async (...tx) => {
        const result = await fn(...tx);
        reachedNow();
        await gate;
        return result;
      }),
  };
  return { held, reached, release };
}

/** What a worker does: lease the next due job of `type`, run `work`, complete it. False when none was due. */
async function workOnce(type: string, work: () => Promise<unknown>, at = NOW): Promise<boolean> {
  const job = await store.jobs.lease('worker-1', at, 30_000, [type]);
  if (!job) return false;
  await store.jobs.complete(job.id, 'worker-1', await work(), at);
  return true;
}

it('When a delivery commits while a worker takes the waiting process-inbox job, then its events are still processed without waiting for another delivery', async () => {
  await receiveWebhookEvents(store, [event('1', '51')], { now: NOW });
  const { held, reached, release } = holdingCommits(store);
  const delivery = receiveWebhookEvents(held, [event('2', '52')], { now: NOW });
  await reached;
  // The worker polls while the second delivery is stored but not committed yet.
  await workOnce('process-inbox', () => processInbox(store, PORTAL, { now: () => NOW }));
  release();
  await delivery;
  while (await workOnce('process-inbox', () => processInbox(store, PORTAL, { now: () => NOW })));
  expect(await store.inbox.pending(PORTAL, 1)).toEqual([]);
  const synced = (await store.jobs.list({ type: 'sync-contacts' })).flatMap(
    (j) => (j.payload as { contactIds: string[] }).contactIds,
  );
  expect(synced.sort()).toEqual(['51', '52']);
});

it('When two workers process the same portal inbox at once, then each event is handled by one of them only', async () => {
  await receiveWebhookEvents(store, [event('1', '51'), event('2', '52')], { now: NOW });
  const { held, reached, release } = holdingCommits(store);
  const first = processInbox(held, PORTAL, { now: () => NOW });
  await reached;
  const second = processInbox(store, PORTAL, { now: () => NOW });
  // Give the second worker its chance while the first has not committed (without row locks it would read the
  // same events and then wait for the first to commit before marking them processed a second time).
  await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  release();
  expect([(await first).processed, (await second).processed]).toEqual([2, 0]);
  expect(await store.inbox.pending(PORTAL, 1)).toEqual([]);
});

it('When a sync commits writes while a worker takes the waiting write-back job, then those writes are still drained without waiting for another sync', async () => {
  await applyExampleAgreement(store, PORTAL, NOW);
  await enqueueWriteBack(store.jobs, PORTAL, NOW);
  const gateway = {
    readContacts: async (ids: readonly string[]) => ({
      contacts: ids.map((id) => ({ id, properties: { jobtitle: 'Engineer' } })),
      missing: [],
    }),
  } as unknown as HubSpotGateway;
  const { held, reached, release } = holdingCommits(store);
  const sync = syncContacts(
    { store: held, gatewayFor: () => gateway, engine: domainEngine, now: () => NOW },
    PORTAL,
    ['51'],
  );
  await reached;
  // The write-back worker polls while the sync's outbox row is written but not committed yet.
  const drained: string[][] = [];
  const drain = async () => {
    const rows = await store.outbox.list(PORTAL, 'pending');
    drained.push(rows.map((r) => r.contactId));
    return rows.length;
  };
  await workOnce('write-back', drain);
  release();
  expect((await sync).changed).toBe(1);
  while (await workOnce('write-back', drain));
  expect(drained.flat()).toEqual(['51']);
});
