import { isAppError, type AppError } from '../errors/app-error';
import { hubspotErrorInfo } from '../hubspot/translate-hubspot-error';
import type { Job } from '../store/repositories/jobs-repository';
import type { JobLeasesRepository } from '../store/repositories/job-leases-repository';
import type { JobRegistry } from './job-registry';
import { pacedProgress } from './progress-pace';

/** What happened to one leased job. */
export interface JobEvent {
  outcome: 'succeeded' | 'retry' | 'dead' | 'released' | 'lease_lost' | 'parked' | 'deferred';
  job: Job;
  error?: unknown;
}

interface RunSettings {
  workerId: string;
  leaseMs: number;
  now: () => number;
  retryAt: (job: Job, now: number) => number;
  controller: AbortController;
  leases: JobLeasesRepository;
  registry: JobRegistry;
  /**
   * HubSpot refused a portal job's token: true when the portal is (now) disconnected, so the job waits in the
   * queue, its attempt not counted, until the app is reinstalled there.
   */
  onRefused?: (job: Job, error: AppError) => Promise<boolean>;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

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
  if (park) await s.leases.release(job.id, s.workerId, s.now(), describe(error));
  return park;
}

/**
 * Gives the job back, its attempt not counted, until HubSpot lets its portal call again (a 429, or the portal's
 * request budget paused by HubSpot's daily limit): waiting out a limit is not a failure, and a daily pause
 * would otherwise use up every attempt in seconds.
 */
async function deferred(job: Job, s: RunSettings, error: unknown): Promise<boolean> {
  if (!isAppError(error, 'rate_limited')) return false;
  const waitMs = hubspotErrorInfo(error).retryAfterMs;
  if (waitMs === undefined || !Number.isFinite(waitMs) || waitMs < 0) return false;
  const now = s.now();
  return s.leases.release(job.id, s.workerId, now, describe(error), now + waitMs);
}

/** Runs one leased job to an outcome: completed, retried with backoff, dead-lettered, or released on stop. */
export async function runLeasedJob(job: Job, s: RunSettings): Promise<JobEvent> {
  const handler = s.registry.get(job.type);
  if (!handler) {
    await s.leases.fail(job.id, s.workerId, `no handler for job type "${job.type}"`, s.now(), null);
    return { outcome: 'dead', job };
  }
  const lost = { value: false };
  const heartbeat = keepLeased(job, s, lost);
  const stamp = pacedProgress(s.now());
  try {
    const result = await handler.run(job.payload, {
      job,
      signal: s.controller.signal,
      progress: async (value) => {
        const now = s.now();
        await s.leases.setProgress(job.id, s.workerId, stamp(value, now), now);
      },
    });
    clearInterval(heartbeat);
    if (!(await s.leases.complete(job.id, s.workerId, result, s.now())))
      return { outcome: 'lease_lost', job };
    return { outcome: 'succeeded', job };
  } catch (error) {
    clearInterval(heartbeat);
    if (lost.value) return { outcome: 'lease_lost', job, error };
    if (s.controller.signal.aborted) {
      await s.leases.release(job.id, s.workerId, s.now());
      return { outcome: 'released', job, error };
    }
    if (await parked(job, s, error)) return { outcome: 'parked', job, error };
    if (await deferred(job, s, error)) return { outcome: 'deferred', job, error };
    const now = s.now();
    const retryAt = isAppError(error, 'invalid_input') ? null : s.retryAt(job, now);
    const outcome = await s.leases.fail(job.id, s.workerId, describe(error), now, retryAt);
    return { outcome, job, error };
  }
}
