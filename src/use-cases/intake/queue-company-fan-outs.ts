import { COMPANY_BATCH_SIZE, COMPANY_CONTACTS_JOB, companyContactsPayloadSchema } from './intake-jobs';
import type { QueuedJobsPort } from '../ports/queued-jobs';
import type { QueueingJobs } from './intake-ports';
import { SYNC_DEBOUNCE_MS } from './queue-syncs';

/** Company ids already waiting in a queued fan-out job (locked until the transaction ends, see QueuedJobsPort). */
async function waitingCompanies(queued: QueuedJobsPort, portalId: string): Promise<Set<string>> {
  const waiting = new Set<string>();
  for (const job of await queued.waiting(portalId, COMPANY_CONTACTS_JOB)) {
    const payload = companyContactsPayloadSchema.safeParse(job.payload);
    if (payload.success) for (const id of payload.data.companyIds) waiting.add(id);
  }
  return waiting;
}

/**
 * Queues a fan-out (find the company's contacts, queue each for a sync) for each changed company that is not
 * already waiting for one, in jobs of up to 100 companies that run after `SYNC_DEBOUNCE_MS`: HubSpot sends one
 * event per changed property, and a burst about one company costs one walk through its contacts. `key` (the
 * inbox batch's first row) keeps a redone batch from queueing twice.
 */
export async function queueCompanyFanOuts(
  tx: QueueingJobs,
  portalId: string,
  companyIds: readonly string[],
  key: number,
  now: number,
): Promise<number> {
  if (companyIds.length === 0) return 0;
  const waiting = await waitingCompanies(tx.jobs, portalId);
  const fresh = companyIds.filter((id) => !waiting.has(id));
  for (let i = 0; i < fresh.length; i += COMPANY_BATCH_SIZE) {
    await tx.jobs.enqueue(
      {
        type: COMPANY_CONTACTS_JOB,
        portalId,
        payload: { portalId, companyIds: fresh.slice(i, i + COMPANY_BATCH_SIZE) },
        idempotencyKey: `${COMPANY_CONTACTS_JOB}:${portalId}:${key}:${i / COMPANY_BATCH_SIZE}`,
        runAt: now + SYNC_DEBOUNCE_MS,
      },
      now,
    );
  }
  return fresh.length;
}
