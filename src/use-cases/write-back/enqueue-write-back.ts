import type { DbContext } from '../../store/db-context';
import { createRepositories } from '../../store/repositories';
import type { JobsRepository } from '../../store/repositories/jobs-repository';
import { intakeStore } from '../intake/intake-store';

/** The job type that drains a portal's outbox. */
export const WRITE_BACK_JOB = 'write-back';

/**
 * Makes sure a write-back job is queued for the portal (call it after adding outbox rows): none is added
 * while one is already waiting, and two callers asking for the same instant share one job through its idempotency key.
 */
export async function enqueueWriteBack(
  jobs: Pick<JobsRepository, 'enqueue' | 'list'>,
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
 * finish while they wait for the next write (see intakeStore's `waitingJobs`).
 */
export async function enqueueWriteBackAfterWrites(
  tx: DbContext,
  portalId: string,
  now: number,
): Promise<void> {
  await intakeStore(tx).waitingJobs(portalId, WRITE_BACK_JOB);
  await enqueueWriteBack(createRepositories(tx).jobs, portalId, now);
}
