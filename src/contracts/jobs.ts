import { z } from 'zod';
import { instantSchema } from './values';

/** `GET /api/jobs/current`: the rescore or import running now, if any. */
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
});

export type CurrentJobResponse = z.infer<typeof currentJobResponseSchema>;
export type CurrentJob = NonNullable<CurrentJobResponse['job']>;
