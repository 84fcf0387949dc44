import { z } from 'zod';
import { instantSchema } from './values';

/**
 * Why a job gave up: the one list (the server's `DeadReason`, src/use-cases/ports/jobs.ts, is this; the API adds
 * `unknown` for jobs dead before reasons were kept).
 */
export const DEAD_JOB_REASON_VALUES = [
  'attempts_exhausted',
  'invalid_input',
  'lease_expired',
  'no_handler',
  'deferred_too_long',
  'deferred_too_often',
] as const;

/** A job of the portal that gave up (a dead letter): which, why (a reason code and the server's English detail), when. */
export const deadJobSchema = z.object({
  id: z.string(),
  /** The job type: `sync-contacts`, `full-import`, `write-back`, `rescore`... */
  type: z.string(),
  reason: z.enum([...DEAD_JOB_REASON_VALUES, 'unknown']),
  message: z.string(),
  at: instantSchema,
});

/**
 * `GET /api/jobs/current`: the rescore or import running now, if any, and the portal's jobs that gave up in the
 * last 7 days (newest first, at most 5; absent when there are none).
 */
export const currentJobResponseSchema = z.object({
  job: z
    .object({
      id: z.string(),
      kind: z.enum(['rescore', 'import']),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
      startedAt: instantSchema,
      etaSeconds: z.number().nonnegative().nullable(),
    })
    .nullable(),
  gaveUp: z.array(deadJobSchema).optional(),
});

export type CurrentJobResponse = z.infer<typeof currentJobResponseSchema>;
export type CurrentJob = NonNullable<CurrentJobResponse['job']>;
export type DeadJob = z.infer<typeof deadJobSchema>;
