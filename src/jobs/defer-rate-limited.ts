import { isAppError } from '../domain/app-error';
import { hubspotErrorInfo } from '../use-cases/ports/hubspot-error-info';
import type { Job } from '../use-cases/ports/jobs';
import type { JobLeasesPort } from '../use-cases/ports/jobs';
import { deferralVerdict, type DeferralLimit } from './deferral-limit';
import type { JobEvent } from './job-event';

/** What deferring a job needs from the runner. */
export interface DeferIo {
  workerId: string;
  now: () => number;
  leases: JobLeasesPort;
  /** Stores an outcome, waiting out a database outage. */
  stored: <T>(write: () => Promise<T>) => Promise<T>;
  describe: (error: unknown) => string;
  limit?: DeferralLimit;
}

/**
 * Gives the job back, its attempt not counted, until HubSpot lets its portal call again (a 429, or the portal's
 * request budget paused by HubSpot's daily limit): waiting out a limit is not a failure, and a daily pause would
 * otherwise use up every attempt in seconds. A job held back past the deferral limit without progress gives up
 * instead, dead with its reason. Undefined when `error` is no rate limit with a wait.
 */
export async function deferRateLimited(
  job: Job,
  error: unknown,
  progressed: boolean,
  io: DeferIo,
): Promise<JobEvent | undefined> {
  if (!isAppError(error, 'rate_limited')) return undefined;
  const waitMs = hubspotErrorInfo(error).retryAfterMs;
  if (waitMs === undefined || !Number.isFinite(waitMs) || waitMs < 0) return undefined;
  const now = io.now();
  const verdict = deferralVerdict(job, now, waitMs, progressed, io.limit);
  if (!verdict.defer) {
    const why = `${verdict.message}; last: ${io.describe(error)}`;
    await io.stored(() => io.leases.fail(job.id, io.workerId, why, now, null, verdict.reason));
    return { outcome: 'dead', job, error, reason: verdict.reason };
  }
  const back = await io.stored(() =>
    io.leases.defer(job.id, io.workerId, now, io.describe(error), verdict.runAt, verdict),
  );
  return { outcome: back ? 'deferred' : 'lease_lost', job, error };
}
