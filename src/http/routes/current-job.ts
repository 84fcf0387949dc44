import { z } from 'zod';
import type { CurrentJobResponse } from '../../contracts/jobs';
import { secondsLeftAtPace } from '../../jobs/progress-pace';
import type { Job } from '../../use-cases/ports/jobs';

/** What rescore and import handlers report as progress (other fields are ignored). */
const progressSchema = z
  .object({
    done: z.number().int().nonnegative().catch(0),
    total: z.number().int().nonnegative().nullable().catch(null),
    runStartedAt: z.number().optional().catch(undefined),
    paceFrom: z.object({ at: z.number(), done: z.number() }).optional().catch(undefined),
  })
  .partial()
  .catch({});

/** The job types the settings page follows: long runs over every contact. */
export const SHOWN_JOB_TYPES = ['rescore', 'full-import'] as const;

function kindOf(type: string): 'rescore' | 'import' | null {
  if (type === 'rescore') return 'rescore';
  if (type.includes('import')) return 'import';
  return null;
}

/** Seconds left at this run's pace since its first progress report, or null until the pace is known. */
function secondsLeft(progress: z.infer<typeof progressSchema>, now: number): number | null {
  const { done = 0, total = null, paceFrom } = progress;
  return secondsLeftAtPace({ done, total, ...(paceFrom ? { paceFrom } : {}) }, now);
}

/**
 * The rescore or import of the portal running now (else queued next), with counts and an estimate of the time
 * left from this run's pace (see jobs/progress-pace). Other jobs (write-back, SLA sweeps) are not shown: they
 * are short and constant.
 */
export function currentJob(job: Job | undefined, now: number): CurrentJobResponse {
  const kind = job ? kindOf(job.type) : null;
  if (!job || !kind) return { job: null };
  const progress = progressSchema.parse(job.progress ?? {});
  const { done = 0, total = null } = progress;
  const started = progress.runStartedAt ?? (job.status === 'running' ? job.updatedAt : job.createdAt);
  return {
    job: {
      id: String(job.id),
      kind,
      done,
      total,
      startedAt: new Date(started).toISOString(),
      etaSeconds: secondsLeft(progress, now),
    },
  };
}
