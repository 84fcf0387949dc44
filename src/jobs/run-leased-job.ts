import { isAppError } from '../errors/app-error';
import type { Job } from '../store/repositories/jobs-repository';
import type { JobLeasesRepository } from '../store/repositories/job-leases-repository';
import type { JobRegistry } from './job-registry';

/** What happened to one leased job. */
export interface JobEvent {
  outcome: 'succeeded' | 'retry' | 'dead' | 'released' | 'lease_lost';
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

/** Runs one leased job to an outcome: completed, retried with backoff, dead-lettered, or released on stop. */
export async function runLeasedJob(job: Job, s: RunSettings): Promise<JobEvent> {
  const handler = s.registry.get(job.type);
  if (!handler) {
    await s.leases.fail(job.id, s.workerId, `no handler for job type "${job.type}"`, s.now(), null);
    return { outcome: 'dead', job };
  }
  const lost = { value: false };
  const heartbeat = keepLeased(job, s, lost);
  try {
    const result = await handler.run(job.payload, {
      job,
      signal: s.controller.signal,
      progress: async (value) => {
        await s.leases.setProgress(job.id, s.workerId, value, s.now());
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
    const now = s.now();
    const retryAt = isAppError(error, 'invalid_input') ? null : s.retryAt(job, now);
    const outcome = await s.leases.fail(job.id, s.workerId, describe(error), now, retryAt);
    return { outcome, job, error };
  }
}
