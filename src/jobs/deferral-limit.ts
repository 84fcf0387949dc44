import type { DeadReason, Job } from '../use-cases/ports/jobs';

/** How long and how often HubSpot's rate limits may give a job back, without progress, before it gives up. */
export interface DeferralLimit {
  maxMs: number;
  maxInARow: number;
}

/**
 * 24 hours: longer than HubSpot's longest wait (the DAILY limit resets at the account's midnight, at most a day
 * away), so a job always gets its run after the reset, and a job refused all day long ends. 100 deferrals in a
 * row: a job whose every run is cut short by a 429 (say on its third batch read of three) spends HubSpot calls
 * for nothing; after 100 such runs, a few minutes of TEN_SECONDLY waits, it ends instead of looping all day.
 * Progress (a handler's progress report, stored after each page of work) restarts both counts.
 */
export const DEFAULT_DEFERRAL_LIMIT: DeferralLimit = { maxMs: 24 * 3_600_000, maxInARow: 100 };

/** What to do with a job HubSpot's rate limits just refused: wait until `runAt`, or give up. */
export type DeferralVerdict =
  | { defer: true; runAt: number; since: number; count: number }
  | { defer: false; reason: DeadReason; message: string };

const hours = (ms: number) => `${Math.round((ms / 3_600_000) * 10) / 10} h`;

/**
 * Deferral of `job` at `now` for `waitMs`: counted since its first deferral, or from this one when the job
 * reported progress during this run (`progressed`).
 */
export function deferralVerdict(
  job: Pick<Job, 'deferredSince' | 'deferrals'>,
  now: number,
  waitMs: number,
  progressed: boolean,
  limit: DeferralLimit = DEFAULT_DEFERRAL_LIMIT,
): DeferralVerdict {
  const since = progressed || job.deferredSince === null ? now : job.deferredSince;
  const count = progressed ? 1 : job.deferrals + 1;
  if (now - since >= limit.maxMs)
    return {
      defer: false,
      reason: 'deferred_too_long',
      message: `gave up: HubSpot's rate limits held it back for ${hours(now - since)} without progress (limit ${hours(limit.maxMs)})`,
    };
  if (count > limit.maxInARow)
    return {
      defer: false,
      reason: 'deferred_too_often',
      message: `gave up: HubSpot's rate limits cut it short ${count} times in a row without progress (limit ${limit.maxInARow})`,
    };
  return { defer: true, runAt: now + waitMs, since, count };
}
