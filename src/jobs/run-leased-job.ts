import { isAppError, type AppError } from '../domain/app-error';
import { isDatabaseOutage } from '../store/database-outage';
import type { Job } from '../use-cases/ports/jobs';
import type { JobLeasesPort } from '../use-cases/ports/jobs';
import { deferRateLimited } from './defer-rate-limited';
import type { DeferralLimit } from './deferral-limit';
import type { JobRegistry } from './job-registry';
import type { JobEvent } from './job-event';
import { pacedProgress } from './progress-pace';
import { untilStored, type OutageBackoff } from './until-stored';

interface RunSettings {
  workerId: string;
  leaseMs: number;
  now: () => number;
  retryAt: (job: Job, now: number) => number;
  controller: AbortController;
  leases: JobLeasesPort;
  registry: JobRegistry;
  /**
   * HubSpot refused a portal job's token: true when the portal is (now) disconnected, so the job waits in the
   * queue, its attempt not counted, until the app is reinstalled there.
   */
  onRefused?: (job: Job, error: AppError) => Promise<boolean>;
  /** How long and how often HubSpot's rate limits may give a job back before it gives up (default: 24 h, 100). */
  deferralLimit?: DeferralLimit;
  /** How an outcome the database refused is retried while it is down. */
  outageBackoff?: OutageBackoff;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Stores an outcome, waiting out a database outage (see untilStored). */
const stored = <T>(s: RunSettings, write: () => Promise<T>) =>
  untilStored(write, s.controller.signal, s.outageBackoff);

/** Keeps the lease alive while the handler runs; aborts the handler if the lease is lost. */
function keepLeased(job: Job, s: RunSettings, lost: { value: boolean }): NodeJS.Timeout {
  return setInterval(
    () => {
      s.leases.heartbeat(job.id, s.workerId, s.now(), s.leaseMs).then(
        (held) => {
          if (held) return;
          lost.value = true;
          s.controller.abort(new Error('lease lost'));
        },
        () => undefined, // a failed heartbeat is retried at the next tick; the lease has slack for two misses
      );
    },
    Math.max(50, Math.floor(s.leaseMs / 3)),
  );
}

/** Gives the job back for later when HubSpot refused its portal's token and the portal is now disconnected. */
async function parked(job: Job, s: RunSettings, error: unknown): Promise<boolean> {
  if (!isAppError(error, 'unauthorized') || job.portalId === null || !s.onRefused) return false;
  const park = await s.onRefused(job, error).catch(() => false);
  if (park) await stored(s, () => s.leases.release(job.id, s.workerId, s.now(), describe(error)));
  return park;
}

/** Records why a handler failed: given back (stop, outage, disconnected portal, rate limit), retried, or dead. */
async function afterFailure(
  job: Job,
  s: RunSettings,
  error: unknown,
  progressed: boolean,
): Promise<JobEvent> {
  if (s.controller.signal.aborted) {
    await s.leases.release(job.id, s.workerId, s.now());
    return { outcome: 'released', job, error };
  }
  if (isDatabaseOutage(error)) {
    await stored(s, () => s.leases.release(job.id, s.workerId, s.now(), describe(error)));
    return { outcome: 'outage', job, error };
  }
  if (await parked(job, s, error)) return { outcome: 'parked', job, error };
  const io = {
    ...s,
    stored: <T>(write: () => Promise<T>) => stored(s, write),
    describe,
    limit: s.deferralLimit,
  };
  const deferral = await deferRateLimited(job, error, progressed, io);
  if (deferral) return deferral;
  const now = s.now();
  const retryAt = isAppError(error, 'invalid_input') ? null : s.retryAt(job, now);
  const outcome = await stored(s, () => s.leases.fail(job.id, s.workerId, describe(error), now, retryAt));
  const reason = outcome === 'dead' ? (retryAt === null ? 'invalid_input' : 'attempts_exhausted') : undefined;
  return { outcome, job, error, ...(reason ? { reason } : {}) };
}

/**
 * Runs one leased job to an outcome: completed, retried with backoff, deferred, dead-lettered, or given back.
 * Rejects only when the outcome could not be stored (the worker stopped during a database outage).
 */
export async function runLeasedJob(job: Job, s: RunSettings): Promise<JobEvent> {
  const handler = s.registry.get(job.type);
  if (!handler) {
    const why = `no handler for job type "${job.type}"`;
    await stored(s, () => s.leases.fail(job.id, s.workerId, why, s.now(), null, 'no_handler'));
    return { outcome: 'dead', job, reason: 'no_handler' };
  }
  const lost = { value: false };
  let progressed = false;
  const heartbeat = keepLeased(job, s, lost);
  const stamp = pacedProgress(s.now());
  let result: unknown;
  try {
    result = await handler.run(job.payload, {
      job,
      signal: s.controller.signal,
      progress: async (value) => {
        const now = s.now();
        await s.leases.setProgress(job.id, s.workerId, stamp(value, now), now);
        progressed = true;
      },
    });
  } catch (error) {
    clearInterval(heartbeat);
    if (lost.value) return { outcome: 'lease_lost', job, error };
    return afterFailure(job, s, error, progressed);
  }
  clearInterval(heartbeat);
  const completed = await stored(s, () => s.leases.complete(job.id, s.workerId, result, s.now()));
  return { outcome: completed ? 'succeeded' : 'lease_lost', job };
}

export type { JobEvent } from './job-event';
