import type { DeadReason, Job } from '../use-cases/ports/jobs';

/**
 * What happened to one leased job. `outage`: the database failed under it, so it was given back unattempted
 * and waits for the database; `unsettled`: its outcome could not be stored, so it runs again once its lease
 * expires.
 */
export interface JobEvent {
  outcome:
    | 'succeeded'
    | 'retry'
    | 'dead'
    | 'released'
    | 'lease_lost'
    | 'parked'
    | 'deferred'
    | 'outage'
    | 'unsettled';
  job: Job;
  error?: unknown;
  /** Why a dead job gave up. */
  reason?: DeadReason;
}
