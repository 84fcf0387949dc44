import { SYNC_CONTACTS_JOB, syncContactsPayloadSchema } from '../intake/intake-jobs';
import type { RequestKey } from '../ports/request-receipts';
import type { QueueSyncStore } from './card-ports';

/** Queued syncs looked through for this contact: score-now's own job is among the newest. */
const WAITING_SCAN = 100;

/** True when a sync that reads this contact is queued and not started yet: it will score the contact anyway. */
async function syncWaiting(jobs: QueueSyncStore['jobs'], portalId: string, contactId: string) {
  const queued = await jobs.list({
    type: SYNC_CONTACTS_JOB,
    portalId,
    status: 'queued',
    limit: WAITING_SCAN,
  });
  return queued.some((job) => {
    const payload = syncContactsPayloadSchema.safeParse(job.payload);
    return payload.success && payload.data.contactIds.includes(contactId);
  });
}

/**
 * Queues one sync job to fetch a contact Lead Pact has not stored yet, in one transaction with the request's
 * receipt. A retried request (same key) queues nothing more, and neither does a request while a sync of the contact
 * is still waiting (the contact is locked meanwhile, so two concurrent requests do not both queue one).
 */
export async function queueContactSync(
  store: QueueSyncStore,
  input: { portalId: string; contactId: string; requestKey?: RequestKey; now: number },
): Promise<void> {
  const { portalId, contactId, requestKey, now } = input;
  await store.transaction(async (tx) => {
    if (requestKey && !(await tx.receipts.claim(requestKey, now))) return;
    await tx.contactLocks.lock(portalId, contactId);
    if (await syncWaiting(tx.jobs, portalId, contactId)) return;
    const payload = { portalId, contactIds: [contactId] };
    const idempotencyKey = `sync:${portalId}:${contactId}:${requestKey?.requestId ?? now}`;
    await tx.jobs.enqueue({ type: SYNC_CONTACTS_JOB, portalId, payload, idempotencyKey }, now);
  });
}
