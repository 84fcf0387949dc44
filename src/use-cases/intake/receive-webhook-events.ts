import type { WebhookEvent } from '../../hubspot/webhook-events';
import { PROCESS_INBOX_JOB } from './intake-jobs';
import type { ReceiveWebhookStore } from './intake-ports';

/** What a webhook delivery did. */
export interface IntakeResult {
  /** Events stored for the first time. */
  stored: number;
  /** Events already in the inbox (HubSpot retried or replayed them). */
  duplicates: number;
  /** Events for a portal this service does not serve. */
  foreign: number;
}

function byPortal(events: readonly WebhookEvent[]): Map<string, WebhookEvent[]> {
  const groups = new Map<string, WebhookEvent[]>();
  for (const event of events) {
    const portalId = String(event.portalId);
    const group = groups.get(portalId) ?? [];
    group.push(event);
    groups.set(portalId, group);
  }
  return groups;
}

/**
 * Stores a delivery's events in the inbox (deduplicated by eventId) and makes sure one
 * process-inbox job per portal is queued, all in one transaction, so an acknowledged event is
 * never lost and a burst of deliveries queues one job per portal rather than one per request.
 */
export async function receiveWebhookEvents(
  store: ReceiveWebhookStore,
  events: readonly WebhookEvent[],
  options: { now: number; servesPortal?: (portalId: string) => boolean },
): Promise<IntakeResult> {
  const served = events.filter((e) => options.servesPortal?.(String(e.portalId)) ?? true);
  const groups = byPortal(served);
  const stored = await store.transaction(async (tx) => {
    let added = 0;
    for (const [portalId, group] of groups) {
      const rows = group.map((event) => ({ portalId, eventId: event.eventId, payload: event }));
      const fresh = await tx.inbox.add(rows, options.now);
      added += fresh;
      if (fresh > 0) await queueProcessing(tx, portalId, options.now);
    }
    return added;
  });
  return { stored, duplicates: served.length - stored, foreign: events.length - served.length };
}

/**
 * Queues a process-inbox job for the portal unless one is already waiting: that one will see these events,
 * because it stays locked (PostgreSQL) until they are committed, so no worker can start it and read the inbox
 * too early. A job that is already running may have read the inbox before them: a new one is queued.
 */
async function queueProcessing(tx: ReceiveWebhookStore, portalId: string, now: number): Promise<void> {
  const [waiting] = await tx.jobs.waiting(portalId, PROCESS_INBOX_JOB);
  if (waiting) return;
  await tx.jobs.enqueue({ type: PROCESS_INBOX_JOB, portalId, payload: { portalId } }, now);
}
