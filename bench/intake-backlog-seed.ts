import example from '../examples/agreement.json';
import { parseWebhookEvents } from '../src/hubspot/webhook-events';
import type { Store } from '../src/store/create-store';
import { applyAgreement } from '../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../src/use-cases/agreements/store-ports';
import {
  enqueueFullImport,
  FULL_IMPORT_FINISHED,
  FULL_IMPORT_JOB,
} from '../src/use-cases/import/full-import';
import { PROCESS_INBOX_JOB } from '../src/use-cases/intake/intake-jobs';
import { rawEvents } from './webhook-delivery';

/** Events stored per seeding transaction: big enough to seed 100,000 in a few seconds. */
const SEED_CHUNK = 10_000;

/** The event ids of the seeded backlog start here, far above the ids the measured deliveries use. */
export const BACKLOG_FIRST_EVENT_ID = 1_000_000_000;

/** The portal's full import ran long ago: the service does not start one beside the drain. */
async function importedAlready(store: Store, portalId: string, now: number): Promise<void> {
  await enqueueFullImport(store.jobs, portalId, now);
  const job = await store.jobs.lease('bench-seed', now, 60_000, [FULL_IMPORT_JOB]);
  if (job) await store.jobs.complete(job.id, 'bench-seed', { done: 0 }, now);
  await store.checkpoints.set(portalId, FULL_IMPORT_FINISHED, { at: now, done: 0 }, now);
}

/** A portal that has run for a while: the example agreement active, its contacts imported. */
export async function seedPortal(store: Store, portalId: number): Promise<void> {
  const portal = String(portalId);
  const clock = { now: Date.now };
  const ports = storeAgreementPorts(store, { userTeams: { teamIdsOf: async () => [] }, clock });
  await applyAgreement(ports, {
    portalId: portal,
    body: example,
    proposedBy: 'marketing@bench',
    approvedBy: 'sales@bench',
  });
  await importedAlready(store, portal, Date.now());
}

/**
 * Puts `events` unprocessed conversions in the portal's inbox, without queueing its process-inbox job (see
 * `startDraining`), and checkpoints the WAL they went through.
 */
export async function fillInbox(store: Store, portalId: number, events: number): Promise<void> {
  for (let at = 0; at < events; at += SEED_CHUNK) {
    const count = Math.min(SEED_CHUNK, events - at);
    const occurredAt = Date.now() - 60_000;
    const rows = [];
    // A body holds at most 1,000 events (webhookBodySchema): parse as that many deliveries, store at once.
    for (let i = 0; i < count; i += 1000) {
      const raw = rawEvents(portalId, BACKLOG_FIRST_EVENT_ID + at + i, Math.min(1000, count - i), occurredAt);
      for (const event of parseWebhookEvents(raw).events)
        rows.push({ portalId: String(portalId), eventId: event.eventId, payload: event });
    }
    await store.inbox.add(rows, Date.now());
  }
  await store.wal.checkpoint();
}

/** How many of the portal's events wait in the inbox (read the way the worker reads them: after the measured load). */
export async function inboxBacklog(store: Store, portalId: number): Promise<number> {
  return (await store.inbox.pending(String(portalId), 10_000_000)).length;
}

/** Resolves once the portal's inbox is empty and no process-inbox job is queued or running. */
export async function inboxIdle(store: Store, portalId: number): Promise<void> {
  const portal = String(portalId);
  for (let tries = 0; tries < 600; tries++) {
    const jobs = await store.jobs.current(portal, [PROCESS_INBOX_JOB]);
    if (!jobs && (await store.inbox.pending(portal, 1)).length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the service did not finish processing the warm-up deliveries within a minute');
}

/** Queues the portal's process-inbox job: a running service's worker starts on the backlog within its poll. */
export async function startDraining(store: Store, portalId: number): Promise<void> {
  const portal = String(portalId);
  await store.jobs.enqueue(
    { type: PROCESS_INBOX_JOB, portalId: portal, payload: { portalId: portal } },
    Date.now(),
  );
}
