import type { DEAD_JOB_REASON_VALUES } from '../../contracts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Why a dead job gave up: it failed on every attempt, was refused as invalid, its worker crashed or stalled on
 * every attempt, no handler knows its type, or HubSpot's rate limits deferred it too long or too often without
 * progress (src/jobs/deferral-limit.ts). The list is the API contract's, so the settings page names every one.
 */
export type DeadReason = (typeof DEAD_JOB_REASON_VALUES)[number];

/** A durable job. `progress` is whatever JSON its handler reports; readable at any time. */
export interface Job {
  id: number;
  type: string;
  portalId: string | null;
  payload: unknown;
  idempotencyKey: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  lastError: string | null;
  progress: unknown;
  result: unknown;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** When HubSpot's rate limits first gave the job back since its last progress report, and how often since. */
  deferredSince: number | null;
  deferrals: number;
  /** Why a dead job gave up (null for jobs that are not dead, and for jobs dead before reasons were kept). */
  deadReason: DeadReason | null;
}

/** What `enqueue` takes. */
export interface NewJob {
  type: string;
  payload: unknown;
  portalId?: string | null;
  /** A second enqueue with the same key returns the first job instead of adding one. */
  idempotencyKey?: string | null;
  maxAttempts?: number;
  runAt?: number;
}

/** Which jobs `list` returns (newest first). */
export interface JobFilter {
  status?: JobStatus;
  type?: string;
  portalId?: string;
  limit?: number;
}

/**
 * The durable job queue: enqueueing and reading jobs (leasing and finishing are `JobLeasesPort`, joining queued
 * jobs `QueuedJobsPort`).
 */
export interface JobsPort {
  /** Adds a job, or returns the existing one with the same idempotency key. */
  enqueue(job: NewJob, now: number): Promise<{ job: Job; created: boolean }>;
  /** One job, or undefined. */
  get(id: number): Promise<Job | undefined>;
  /** Recent jobs, newest first, filtered by status, type or portal. */
  list(filter?: JobFilter): Promise<Job[]>;
  /** The portal's running job of one of `types`, else its next queued one. */
  current(portalId: string, types: readonly string[]): Promise<Job | undefined>;
  /** The portal's jobs that gave up at or after `since`, newest first. */
  deadSince(portalId: string, since: number, limit?: number): Promise<Job[]>;
  /** Dead jobs by type and reason ("unknown" for jobs dead before reasons were kept). */
  deadCounts(): Promise<{ type: string; reason: string; count: number }[]>;
  /** Jobs per status. */
  counts(): Promise<Record<JobStatus, number>>;
}

/** Leasing, heartbeats and outcomes. Every write checks the lease owner, so a worker that lost its lease changes nothing. */
export interface JobLeasesPort {
  /** Leases the next due job for `leaseMs`; a job whose lease expired too often goes to the dead letters. */
  lease(owner: string, now: number, leaseMs: number, types?: readonly string[]): Promise<Job | undefined>;
  /** Extends the lease; false when this worker no longer holds it. */
  heartbeat(id: number, owner: string, now: number, leaseMs: number): Promise<boolean>;
  /** Stores the job's progress JSON; progress restarts the count of rate-limit deferrals. */
  setProgress(id: number, owner: string, progress: unknown, now: number): Promise<boolean>;
  /** Marks the job succeeded with its result. */
  complete(id: number, owner: string, result: unknown, now: number): Promise<boolean>;
  /** Queued again at `retryAt`, or dead with `reason` when `retryAt` is null or its attempts are used up. */
  fail(
    id: number,
    owner: string,
    error: string,
    now: number,
    retryAt: number | null,
    reason?: DeadReason,
  ): Promise<'retry' | 'dead'>;
  /** Gives a leased job back untouched, queued again at `runAt` (default now), this attempt not counted. */
  release(id: number, owner: string, now: number, why?: string, runAt?: number): Promise<boolean>;
  /** `release` for HubSpot's rate limits, recording the deferral state (src/jobs/deferral-limit.ts). */
  defer(
    id: number,
    owner: string,
    now: number,
    why: string,
    runAt: number,
    deferral: { since: number; count: number },
  ): Promise<boolean>;
}
