import type { DeadReason, Job, JobLeasesPort } from '../../use-cases/ports/jobs';
import type { DbContext } from '../db-context';
import { toJson } from '../json-column';
import { toJob } from './job-row';

/** Leasing, heartbeats and outcomes. Every write checks the lease owner, so a worker that lost its lease changes nothing. */
/** The worker's side of the jobs table: leases, heartbeats and outcomes (part of the jobs repository). */
export function jobLeases(ctx: DbContext): JobLeasesPort {
  const owned = (id: number, owner: string) =>
    ctx.db
      .updateTable('jobs')
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running');

  const leaseOne = async (owner: string, now: number, leaseMs: number, types?: readonly string[]) => {
    let next = ctx.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', now)]),
        ]),
      )
      // A disconnected portal's jobs wait in the queue, untouched, until the app is reinstalled there.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('installations')
              .select('installations.portal_id')
              .whereRef('installations.portal_id', '=', 'jobs.portal_id')
              .where('installations.status', '=', 'disconnected'),
          ),
        ),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(1);
    if (types) next = next.where('type', 'in', types);
    // PostgreSQL: rows another worker is claiming are skipped, not waited for. SQLite: one writer at a time.
    if (ctx.engine === 'postgres') next = next.forUpdate().skipLocked();
    const row = await ctx.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        lease_owner: owner,
        lease_expires_at: now + leaseMs,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', next)
      .returningAll()
      .executeTakeFirst();
    return row ? toJob(row) : undefined;
  };

  /** Queues a leased job again at `runAt`, its attempt not counted; `why` (if any) becomes its last error, a rate-limit deferral is recorded. */
  const giveBack = async (
    id: number,
    owner: string,
    now: number,
    runAt: number,
    why: string | undefined,
    deferral?: { since: number; count: number },
  ): Promise<boolean> => {
    const r = await owned(id, owner)
      .set((eb) => ({
        status: 'queued',
        run_at: runAt,
        attempts: eb('attempts', '-', 1),
        lease_owner: null,
        lease_expires_at: null,
        updated_at: now,
        ...(why === undefined ? {} : { last_error: why }),
        ...(deferral ? { deferred_since: deferral.since, deferrals: deferral.count } : {}),
      }))
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  };

  const repo: JobLeasesPort = {
    /**
     * Leases the next due job (queued and due, or running with an expired lease) for `leaseMs`.
     * A job whose lease expired more often than it may be attempted goes to the dead letters.
     */
    async lease(
      owner: string,
      now: number,
      leaseMs: number,
      types?: readonly string[],
    ): Promise<Job | undefined> {
      if (types && types.length === 0) return undefined;
      for (;;) {
        const job = await leaseOne(owner, now, leaseMs, types);
        if (!job || job.attempts <= job.maxAttempts) return job;
        await repo.fail(
          job.id,
          owner,
          `lease expired ${job.maxAttempts} times (worker crashed or stuck)`,
          now,
          null,
          'lease_expired',
        );
      }
    },
    /** Extends the lease; false when this worker no longer holds it. */
    async heartbeat(id: number, owner: string, now: number, leaseMs: number): Promise<boolean> {
      const r = await owned(id, owner)
        .set({ lease_expires_at: now + leaseMs, updated_at: now })
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    /**
     * Stores the job's progress JSON (also extends nothing; call heartbeat for that). Progress restarts the
     * count of rate-limit deferrals: a job that moves on is not stuck.
     */
    async setProgress(id: number, owner: string, progress: unknown, now: number): Promise<boolean> {
      const r = await owned(id, owner)
        .set({ progress: toJson(progress), updated_at: now, deferred_since: null, deferrals: 0 })
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    /** Marks the job succeeded with its result. */
    async complete(id: number, owner: string, result: unknown, now: number): Promise<boolean> {
      const r = await owned(id, owner)
        .set({
          status: 'succeeded',
          result: toJson(result ?? null),
          lease_owner: null,
          lease_expires_at: null,
          finished_at: now,
          updated_at: now,
        })
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    /**
     * Records a failure: queued again at `retryAt`, or dead (with the error and `reason`) when `retryAt` is null,
     * or with reason `attempts_exhausted` when its attempts are used up.
     */
    async fail(
      id: number,
      owner: string,
      error: string,
      now: number,
      retryAt: number | null,
      reason: DeadReason = 'invalid_input',
    ): Promise<'retry' | 'dead'> {
      const retry = retryAt !== null;
      const set = retry
        ? {
            status: 'queued',
            run_at: retryAt,
            last_error: error,
            lease_owner: null,
            lease_expires_at: null,
            updated_at: now,
          }
        : {
            status: 'dead',
            dead_reason: reason,
            last_error: error,
            lease_owner: null,
            lease_expires_at: null,
            finished_at: now,
            updated_at: now,
          };
      let query = owned(id, owner).set(set);
      if (retry) query = query.where((eb) => eb('attempts', '<', eb.ref('max_attempts')));
      const r = await query.executeTakeFirst();
      if (r.numUpdatedRows > 0n) return retry ? 'retry' : 'dead';
      if (retry) return repo.fail(id, owner, error, now, null, 'attempts_exhausted');
      return 'dead';
    },
    /**
     * Gives a leased job back untouched (graceful stop, its portal was disconnected, or HubSpot's rate limit):
     * queued again at `runAt` (default now), this attempt not counted; `why` is kept as its last error.
     */
    release: (id, owner, now, why, runAt = now) => giveBack(id, owner, now, runAt, why),
    /**
     * Gives a job back for HubSpot's rate limits, its attempt not counted, until `runAt`, recording the deferral
     * state the runner computed (see src/jobs/deferral-limit.ts).
     */
    defer: (id, owner, now, why, runAt, deferral) => giveBack(id, owner, now, runAt, why, deferral),
  };
  return repo;
}
