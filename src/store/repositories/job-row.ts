import type { Selectable } from 'kysely';
import { z } from 'zod';
import { DEAD_JOB_REASON_VALUES } from '../../contracts/jobs';
import { JOB_STATUSES, type Job } from '../../use-cases/ports/jobs';
import type { JobsTable } from '../db-schema';
import { fromJson } from '../json-column';

const json = z.unknown();
const parseNullable = (text: string | null, column: string) =>
  text === null ? null : fromJson(json, text, column);

/** Maps a jobs row to a Job. */
export function toJob(r: Selectable<JobsTable>): Job {
  return {
    id: Number(r.id),
    type: r.type,
    portalId: r.portal_id,
    payload: fromJson(json, r.payload, 'jobs.payload'),
    idempotencyKey: r.idempotency_key,
    status: z.enum(JOB_STATUSES).parse(r.status),
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    leaseOwner: r.lease_owner,
    leaseExpiresAt: r.lease_expires_at,
    lastError: r.last_error,
    progress: parseNullable(r.progress, 'jobs.progress'),
    result: parseNullable(r.result, 'jobs.result'),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    deferredSince: r.deferred_since,
    deferrals: r.deferrals,
    deadReason: z.enum(DEAD_JOB_REASON_VALUES).nullable().catch(null).parse(r.dead_reason),
  };
}

/** Enqueueing and reading jobs (leasing and finishing live in job-leases-repository). */
