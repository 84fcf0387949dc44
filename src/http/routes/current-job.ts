import { z } from 'zod';
import type { CurrentJobResponse } from '../../contracts/jobs';
import type { Job } from '../../store/repositories/jobs-repository';

/** What rescore and import handlers report as progress (other fields are ignored). */
const progressSchema = z
  .object({
    done: z.number().int().nonnegative().catch(0),
    total: z.number().int().nonnegative().nullable().catch(null),
  })
  .partial()
  .catch({});

function kindOf(type: string): 'rescore' | 'import' | null {
  if (type === 'rescore') return 'rescore';
  if (type.includes('import')) return 'import';
  return null;
}

/**
 * The rescore or import of the portal running now (else queued next), with counts and an estimate of the time
 * left from the pace so far. Other jobs (write-back, SLA sweeps) are not shown: they are short and constant.
 */
export function currentJob(job: Job | undefined, now: number): CurrentJobResponse {
  const kind = job ? kindOf(job.type) : null;
  if (!job || !kind) return { job: null };
  const { done = 0, total = null } = progressSchema.parse(job.progress ?? {});
  const started = job.status === 'running' ? job.updatedAt : job.createdAt;
  const elapsedSeconds = Math.max(0, (now - started) / 1000);
  const etaSeconds =
    total !== null && done > 0 ? Math.round((elapsedSeconds / done) * Math.max(0, total - done)) : null;
  return {
    job: { id: String(job.id), kind, done, total, startedAt: new Date(started).toISOString(), etaSeconds },
  };
}
