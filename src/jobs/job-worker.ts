import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AppError } from '../errors/app-error';
import type { Job } from '../store/repositories/jobs-repository';
import type { JobLeasesRepository } from '../store/repositories/job-leases-repository';
import type { JobRegistry } from './job-registry';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './retry-delay';
import { runLeasedJob, type JobEvent } from './run-leased-job';

export type { JobEvent } from './run-leased-job';

/** How a worker runs. Defaults suit one process; tests shorten the lease and the poll interval. */
export interface JobWorkerOptions {
  leases: JobLeasesRepository;
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
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>();
  let stopping = false;
  let loops: Promise<void>[] = [];
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function loop(): Promise<void> {
    while (!stopping) {
      const job = await options.leases.lease(
        workerId,
        settings.now(),
        settings.leaseMs,
        options.registry.types(),
      );
      if (!job) {
        await sleep(settings.pollMs);
        continue;
      }
      const controller = new AbortController();
      const done = runLeasedJob(job, {
        ...settings,
        workerId,
        controller,
        leases: options.leases,
        registry: options.registry,
        ...(options.onRefused ? { onRefused: options.onRefused } : {}),
      })
        .then((event) => options.onEvent?.(event))
        .finally(() => running.delete(job.id));
      running.set(job.id, { controller, done });
      await done;
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
      wake?.();
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
      for (const id of running.keys()) await options.leases.release(id, workerId, settings.now());
    },
  };
}
