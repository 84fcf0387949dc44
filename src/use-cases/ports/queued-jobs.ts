/** A queued job with its payload as stored (JSON text), so a caller can tell whether it changed since it read it. */
export interface QueuedJobText {
  id: number;
  payload: string;
}

/** A queued job with its payload parsed (not checked: each caller parses it with its job's schema). */
export interface QueuedJob {
  id: number;
  payload: unknown;
}

/**
 * A portal's jobs that wait to run, read so that new work can join them. On PostgreSQL the rows read stay locked
 * until the caller's transaction ends: workers lease with SKIP LOCKED, so none of them can start such a job (and
 * miss the rows the transaction is adding) before those rows are committed. A job being leased meanwhile is waited
 * for and then no longer counts as queued. SQLite has one writer at a time, so the race cannot happen there.
 */
export interface QueuedJobsPort {
  /** The portal's queued jobs of `type`, oldest first, locked until the transaction ends. */
  waiting(portalId: string, type: string): Promise<QueuedJob[]>;
  /** `waiting` with each payload as stored (JSON text), for callers that remember what they parsed. */
  waitingPayloads(portalId: string, type: string): Promise<QueuedJobText[]>;
  /**
   * Replaces the payload of a job that is still queued (and locked by `waiting`): resolves with the payload's
   * stored text, or undefined when the job is no longer queued.
   */
  replacePayload(id: number, payload: unknown, now: number): Promise<string | undefined>;
}
