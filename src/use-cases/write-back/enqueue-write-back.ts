import type { JobsPort } from '../ports/jobs';
import type { QueuedJobsPort } from '../ports/queued-jobs';

/** The job type that drains a portal's outbox. */
export const WRITE_BACK_JOB = 'write-back';

/** Where write-back jobs are queued and looked up. */
export type WriteBackJobs = Pick<JobsPort, 'enqueue' | 'list'>;

/** What a transaction that has just added outbox rows queues the portal's write-back through. */
export interface WriteBackQueue {
  jobs: WriteBackJobs & Pick<QueuedJobsPort, 'waiting'>;
}

/**
 * Makes sure a write-back job is queued for the portal (call it after adding outbox rows): none is added
 * while one is already waiting, and two callers asking for the same instant share one job through its idempotency key.
 */
export async function enqueueWriteBack(
  jobs: WriteBackJobs,
  portalId: string,
  now: number,
  runAt = now,
): Promise<void> {
  const [waiting] = await jobs.list({ type: WRITE_BACK_JOB, portalId, status: 'queued', limit: 1 });
  if (waiting && waiting.runAt <= runAt) return;
  await jobs.enqueue(
    {
      type: WRITE_BACK_JOB,
      portalId,
      payload: { portalId },
      idempotencyKey: `${WRITE_BACK_JOB}:${portalId}:${runAt}`,
      maxAttempts: 10,
      runAt,
    },
    now,
  );
}

/**
 * `enqueueWriteBack` for a transaction that has just added outbox rows: on PostgreSQL the portal's waiting
 * write-back job stays locked until those rows are committed, so no worker can start it, find nothing and
 * finish while they wait for the next write (see `QueuedJobsPort`).
 */
export async function enqueueWriteBackAfterWrites(
  tx: WriteBackQueue,
  portalId: string,
  now: number,
): Promise<void> {
  await tx.jobs.waiting(portalId, WRITE_BACK_JOB);
  await enqueueWriteBack(tx.jobs, portalId, now);
}
