import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AppError } from '../domain/app-error';
import type { Job } from '../use-cases/ports/jobs';
import type { JobLeasesPort } from '../use-cases/ports/jobs';
import type { JobRegistry } from './job-registry';
import type { DeferralLimit } from './deferral-limit';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './retry-delay';
import { runLeasedJob, type JobEvent } from './run-leased-job';
import { DEFAULT_OUTAGE_BACKOFF, outageDelay, type OutageBackoff } from './until-stored';

export type { JobEvent } from './run-leased-job';

/** How a worker runs. Defaults suit one process; tests shorten the lease and the poll interval. */
export interface JobWorkerOptions {
  leases: JobLeasesPort;
  registry: JobRegistry;
  workerId?: string;
  /** A crashed worker's job is picked up again this long after its last heartbeat. */
  leaseMs?: number;
  pollMs?: number;
  concurrency?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
  /** Called on every outcome (for logs and metrics). */
  onEvent?: (event: JobEvent) => void;
  /** HubSpot refused a portal job's token: true parks the job until the portal is reconnected. */
  onRefused?: (job: Job, error: AppError) => Promise<boolean>;
  /** Leasing failed (the database is down, say) `failures` times in a row; the loop waits and tries again. */
  onLeaseError?: (error: unknown, failures: number) => void;
  /** Leasing works again after `failures` failed tries. */
  onLeaseRecovered?: (failures: number) => void;
  /** How long the loop waits between lease tries while they fail, and between tries of an outcome write. */
  outageBackoff?: OutageBackoff;
  /** How long and how often HubSpot's rate limits may give a job back before it gives up. */
  deferralLimit?: DeferralLimit;
}

/** A running worker loop. */
export interface JobWorker {
  readonly workerId: string;
  start(): void;
  /** Stops leasing; waits up to `graceMs` for running jobs, then aborts them and gives them back. */
  stop(graceMs?: number): Promise<void>;
}

/** A worker that leases jobs of the registry's types and runs their handlers. */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const settings = {
    leaseMs: options.leaseMs ?? 30_000,
    pollMs: options.pollMs ?? 500,
    now: options.now ?? Date.now,
    retryAt: (job: Job, now: number) => now + retryDelay(job.attempts, options.backoff ?? DEFAULT_BACKOFF),
  };
  const outageBackoff = options.outageBackoff ?? DEFAULT_OUTAGE_BACKOFF;
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>();
  let stopping = false;
  let loops: Promise<void>[] = [];
  const sleepers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  /** An outcome callback that throws must not end the loop. */
  const report = (event: JobEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // the callback's own problem (a log line that failed): the job's outcome is stored already
    }
  };

  /** Runs a leased job; never rejects: an outcome the database would not take leaves the job to its lease. */
  function run(job: Job): Promise<void> {
    const controller = new AbortController();
    const done = runLeasedJob(job, {
      ...settings,
      workerId,
      controller,
      leases: options.leases,
      registry: options.registry,
      outageBackoff,
      ...(options.onRefused ? { onRefused: options.onRefused } : {}),
      ...(options.deferralLimit ? { deferralLimit: options.deferralLimit } : {}),
    })
      .then(report, (error: unknown) => report({ outcome: 'unsettled', job, error }))
      .finally(() => running.delete(job.id));
    running.set(job.id, { controller, done });
    return done;
  }

  /** Leases the next job; a failure (the database is down) is reported and waited out with a growing pause. */
  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopping) {
      let job: Job | undefined;
      try {
        job = await options.leases.lease(
          workerId,
          settings.now(),
          settings.leaseMs,
          options.registry.types(),
        );
      } catch (error) {
        failures += 1;
        options.onLeaseError?.(error, failures);
        await sleep(outageDelay(failures, outageBackoff));
        continue;
      }
      if (failures > 0) options.onLeaseRecovered?.(failures);
      failures = 0;
      if (job) await run(job);
      else await sleep(settings.pollMs);
    }
  }

  return {
    workerId,
    start() {
      if (loops.length > 0) return;
      loops = Array.from({ length: options.concurrency ?? 1 }, () => loop());
    },
    async stop(graceMs = 10_000) {
      stopping = true;
      for (const wake of [...sleepers]) wake();
      const inFlight = [...running.values()];
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.all(inFlight.map((r) => r.done)), grace]);
      clearTimeout(timer);
      for (const r of running.values()) r.controller.abort(new Error('worker stopping'));
      // A handler that ignores its signal gets one more grace period, then its lease is given back anyway.
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.all(loops), late]);
      clearTimeout(timer);
      // With the database down the lease cannot be given back: it expires and another worker takes the job.
      for (const id of running.keys())
        await options.leases.release(id, workerId, settings.now()).catch(() => false);
    },
  };
}
