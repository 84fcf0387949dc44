import { z } from 'zod';
import type { JobsPort } from '../ports/jobs';
import type { QueuedJobsPort } from '../ports/queued-jobs';

/** The job type that sends a portal's handed-over Leads to HubSpot (drains the leads table). */
export const LEAD_SYNC_JOB = 'lead-sync';

/** `{portalId}` of the portal whose Leads to send. */
export const leadSyncPayloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
});
export type LeadSyncPayload = z.infer<typeof leadSyncPayloadSchema>;

/** Where lead-sync jobs are queued and looked up. */
export type LeadSyncJobs = Pick<JobsPort, 'enqueue' | 'list'>;

/** What a transaction that has just opened or closed Leads queues the portal's lead sync through. */
export interface LeadSyncQueue {
  jobs: LeadSyncJobs & Pick<QueuedJobsPort, 'waiting'>;
}

/**
 * Makes sure a lead-sync job is queued for the portal at `runAt` or earlier: none is added while one already waits,
 * and two callers asking for the same instant share one job through its idempotency key.
 */
export async function enqueueLeadSync(
  jobs: LeadSyncJobs,
  portalId: string,
  now: number,
  runAt = now,
): Promise<void> {
  const [waiting] = await jobs.list({ type: LEAD_SYNC_JOB, portalId, status: 'queued', limit: 1 });
  if (waiting && waiting.runAt <= runAt) return;
  await jobs.enqueue(
    {
      type: LEAD_SYNC_JOB,
      portalId,
      payload: { portalId },
      idempotencyKey: `${LEAD_SYNC_JOB}:${portalId}:${runAt}`,
      maxAttempts: 10,
      runAt,
    },
    now,
  );
}

/**
 * `enqueueLeadSync` for a transaction that has just written leads rows: on PostgreSQL the portal's waiting lead-sync
 * job stays locked until those rows are committed, so no worker can start it, find nothing and finish while they
 * wait (see `QueuedJobsPort`), as for the write-back.
 */
export async function enqueueLeadSyncAfterWrites(
  tx: LeadSyncQueue,
  portalId: string,
  now: number,
): Promise<void> {
  await tx.jobs.waiting(portalId, LEAD_SYNC_JOB);
  await enqueueLeadSync(tx.jobs, portalId, now);
}
