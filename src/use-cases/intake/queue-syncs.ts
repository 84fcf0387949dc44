import { SYNC_BATCH_SIZE, SYNC_CONTACTS_JOB } from './intake-jobs';
import type { QueuedJobsPort } from '../ports/queued-jobs';
import type { QueueingJobs } from './intake-ports';
import {
  noWaitingSyncs,
  readWaitingSyncs,
  rememberWaitingSync,
  type WaitingSync,
  type WaitingSyncs,
} from './waiting-syncs';

/**
 * How long a changed contact waits before it is read from HubSpot: HubSpot sends one event per changed
 * property, often spread over several deliveries, and every event arriving meanwhile joins the same read.
 */
export const SYNC_DEBOUNCE_MS = 1_000;

/**
 * Adds contacts to the newest waiting sync job while it holds fewer than 100 (HubSpot's batch read), so a
 * stream of small inbox batches still reads full batches. Returns the contacts it did not take.
 */
async function topUp(
  queued: QueuedJobsPort,
  portalId: string,
  newest: WaitingSync | undefined,
  fresh: readonly string[],
  memo: { known: WaitingSyncs; now: number },
): Promise<readonly string[]> {
  const room = newest?.contactIds ? SYNC_BATCH_SIZE - newest.contactIds.length : 0;
  if (!newest?.contactIds || room <= 0 || fresh.length === 0) return fresh;
  const contactIds = [...newest.contactIds, ...fresh.slice(0, room)];
  const payload = await queued.replacePayload(newest.id, { portalId, contactIds }, memo.now);
  if (payload === undefined) return fresh;
  rememberWaitingSync(memo.known, { id: newest.id, payload, contactIds });
  return fresh.slice(room);
}

/**
 * Queues a sync for each changed contact that is not already waiting for one: first into the newest waiting job
 * while it holds fewer than 100 ids, then in new jobs of up to 100 ids that run after `SYNC_DEBOUNCE_MS`. A burst
 * of events about the same contacts costs one HubSpot read per contact, not one per event. `key` (the batch's
 * first inbox row, or a fan-out page) keeps a redone batch from queueing twice; `known` carries what was parsed
 * from waiting jobs to the next call.
 */
export async function queueSyncs(
  tx: QueueingJobs,
  portalId: string,
  ids: readonly string[],
  key: number | string,
  now: number,
  known: WaitingSyncs = noWaitingSyncs(),
): Promise<number> {
  const newest = await readWaitingSyncs(tx.jobs, portalId, known);
  const fresh = ids.filter((id) => !known.contacts.has(id));
  const rest = await topUp(tx.jobs, portalId, newest, fresh, { known, now });
  for (let i = 0; i < rest.length; i += SYNC_BATCH_SIZE) {
    const contactIds = rest.slice(i, i + SYNC_BATCH_SIZE);
    await tx.jobs.enqueue(
      {
        type: SYNC_CONTACTS_JOB,
        portalId,
        payload: { portalId, contactIds },
        idempotencyKey: `${SYNC_CONTACTS_JOB}:${portalId}:${key}:${i / SYNC_BATCH_SIZE}`,
        runAt: now + SYNC_DEBOUNCE_MS,
      },
      now,
    );
  }
  return fresh.length;
}
