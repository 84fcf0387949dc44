/** Backoff policy for failed jobs. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** One second, doubling, capped at ten minutes: five attempts span about 15 s before a job is dead. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 600_000 };

/**
 * Delay before attempt `attempt + 1`: exponential in the attempts made, with "equal jitter"
 * (half fixed, half random) so retries of jobs that failed together spread out.
 */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
