import type { JobsRepository } from '../../store/repositories/jobs-repository';

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
