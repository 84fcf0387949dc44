import { z } from 'zod';
import {
  JOB_STATUSES,
  type Job,
  type JobFilter,
  type JobLeasesPort,
  type JobsPort,
  type JobStatus,
  type NewJob,
} from '../../use-cases/ports/jobs';
import type { QueuedJobsPort } from '../../use-cases/ports/queued-jobs';
import type { DbContext } from '../db-context';
import { toJson } from '../json-column';
import { toJob } from './job-row';
import { jobLeases } from './job-leases';
import { queuedJobs } from './queued-jobs';

/** The queue's side of the jobs table: enqueue and read jobs. */
function jobQueue(ctx: DbContext): JobsPort {
  const repo: JobsPort = {
    /** Adds a job, or returns the existing one with the same idempotency key. */
    async enqueue(job: NewJob, now: number): Promise<{ job: Job; created: boolean }> {
      const inserted = await ctx.db
        .insertInto('jobs')
        .values({
          type: job.type,
          portal_id: job.portalId ?? null,
          payload: toJson(job.payload),
          idempotency_key: job.idempotencyKey ?? null,
          status: 'queued',
          attempts: 0,
          max_attempts: job.maxAttempts ?? 5,
          run_at: job.runAt ?? now,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { job: toJob(inserted), created: true };
      const existing = await ctx.db
        .selectFrom('jobs')
        .selectAll()
        .where('idempotency_key', '=', job.idempotencyKey ?? '')
        .executeTakeFirstOrThrow();
      return { job: toJob(existing), created: false };
    },
    /** One job, or undefined. */
    async get(id: number): Promise<Job | undefined> {
      const row = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toJob(row) : undefined;
    },
    /** Recent jobs, newest first, filtered by status, type or portal. */
    async list(filter: JobFilter = {}): Promise<Job[]> {
      let query = ctx.db
        .selectFrom('jobs')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(filter.limit ?? 100);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.type) query = query.where('type', '=', filter.type);
      if (filter.portalId) query = query.where('portal_id', '=', filter.portalId);
      return (await query.execute()).map(toJob);
    },
    /**
     * The portal's running job of one of `types`, else its next queued one (for "what is going on" pages: a
     * write-back running beside an import must not hide it).
     */
    async current(portalId: string, types: readonly string[]): Promise<Job | undefined> {
      for (const status of ['running', 'queued'] as const) {
        const row = await ctx.db
          .selectFrom('jobs')
          .selectAll()
          .where('portal_id', '=', portalId)
          .where('status', '=', status)
          .where('type', 'in', [...types])
          .orderBy('id', status === 'running' ? 'desc' : 'asc')
          .limit(1)
          .executeTakeFirst();
        if (row) return toJob(row);
      }
      return undefined;
    },
    /** The portal's jobs that gave up at or after `since`, newest first (for the settings page). */
    async deadSince(portalId: string, since: number, limit = 5): Promise<Job[]> {
      const rows = await ctx.db
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'dead')
        .where('portal_id', '=', portalId)
        .where('finished_at', '>=', since)
        .orderBy('finished_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toJob);
    },
    /** Dead jobs by type and reason ("unknown" for jobs dead before reasons were kept), for /metrics. */
    async deadCounts(): Promise<{ type: string; reason: string; count: number }[]> {
      const rows = await ctx.db
        .selectFrom('jobs')
        .select(['type', 'dead_reason', (eb) => eb.fn.countAll().as('n')])
        .where('status', '=', 'dead')
        .groupBy(['type', 'dead_reason'])
        .execute();
      return rows.map((r) => ({ type: r.type, reason: r.dead_reason ?? 'unknown', count: Number(r.n) }));
    },
    /** Jobs per status (queue depth for metrics). */
    async counts(): Promise<Record<JobStatus, number>> {
      const rows = await ctx.db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .groupBy('status')
        .execute();
      const counts = { queued: 0, running: 0, succeeded: 0, dead: 0 };
      for (const r of rows) counts[z.enum(JOB_STATUSES).parse(r.status)] = Number(r.n);
      return counts;
    },
  };
  return repo;
}

/**
 * The one repository of the `jobs` table: the queue (enqueue, read), the worker's leases and outcomes, and the
 * queued jobs new work joins. Three ports, one table, one place.
 */
export function jobsRepository(ctx: DbContext): JobsPort & JobLeasesPort & QueuedJobsPort {
  return { ...jobQueue(ctx), ...jobLeases(ctx), ...queuedJobs(ctx) };
}
