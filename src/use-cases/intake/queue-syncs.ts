import type { Repositories } from '../../store/repositories';
import type { IntakeStoreQueries } from './intake-store';
import { SYNC_BATCH_SIZE, SYNC_CONTACTS_JOB, syncContactsPayloadSchema } from './intake-jobs';

/**
 * How long a changed contact waits before it is read from HubSpot: HubSpot sends one event per changed
 * property, often spread over several deliveries, and every event arriving meanwhile joins the same read.
 */
export const SYNC_DEBOUNCE_MS = 1_000;

/** Contact ids already waiting in a queued sync job (locked until the transaction ends, see `waitingJobs`). */
async function waitingContacts(queries: IntakeStoreQueries, portalId: string): Promise<Set<string>> {
  const waiting = new Set<string>();
  for (const job of await queries.waitingJobs(portalId, SYNC_CONTACTS_JOB)) {
    const payload = syncContactsPayloadSchema.safeParse(job.payload);
    if (payload.success) for (const id of payload.data.contactIds) waiting.add(id);
  }
  return waiting;
}

/**
 * Queues a sync for each changed contact that is not already waiting for one, in jobs of up to 100 ids that
 * run after `SYNC_DEBOUNCE_MS`: a burst of events about the same contacts costs one HubSpot read per contact,
 * not one per event. `key` (the batch's first inbox row, or a fan-out page) keeps a redone batch from queueing twice.
 */
export async function queueSyncs(
  io: { repos: Pick<Repositories, 'jobs'>; queries: IntakeStoreQueries },
  portalId: string,
  ids: readonly string[],
  key: number | string,
  now: number,
): Promise<number> {
  const waiting = await waitingContacts(io.queries, portalId);
  const fresh = ids.filter((id) => !waiting.has(id));
  for (let i = 0; i < fresh.length; i += SYNC_BATCH_SIZE) {
    const contactIds = fresh.slice(i, i + SYNC_BATCH_SIZE);
    await io.repos.jobs.enqueue(
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
