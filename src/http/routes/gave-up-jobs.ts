import type { CurrentJobResponse } from '../../contracts/jobs';
import type { Job } from '../../use-cases/ports/jobs';

/** How far back the settings page lists the jobs that gave up: a week covers a weekend nobody looked. */
export const GAVE_UP_SHOWN_MS = 7 * 86_400_000;
/** How many it lists: the newest few say what is wrong; /metrics counts them all. */
export const GAVE_UP_SHOWN = 5;

/** The `gaveUp` part of `GET /api/jobs/current` for the portal's dead jobs, absent when there are none. */
export function gaveUpJobs(dead: readonly Job[]): Pick<CurrentJobResponse, 'gaveUp'> {
  if (dead.length === 0) return {};
  return {
    gaveUp: dead.map((job) => ({
      id: String(job.id),
      type: job.type,
      reason: job.deadReason ?? 'unknown',
      message: job.lastError ?? 'no reason was recorded',
      at: new Date(job.finishedAt ?? job.updatedAt).toISOString(),
    })),
  };
}
