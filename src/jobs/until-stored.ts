import { abortableSleep } from '../abortable-sleep';
import { isDatabaseOutage } from '../store/database-outage';

/** How a worker waits while the database cannot take a write: doubling from `baseMs` up to `maxMs`. */
export interface OutageBackoff {
  baseMs: number;
  maxMs: number;
  /** Resolves after `ms`, or at once when `signal` aborts; tests pass a fake. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * A quarter second, doubling, at most 5 s: a database that restarts in seconds is noticed within seconds, and a
 * long outage costs one try per 5 s per worker loop.
 */
export const DEFAULT_OUTAGE_BACKOFF: OutageBackoff = { baseMs: 250, maxMs: 5_000, sleep: abortableSleep };

/** The wait before try `failures + 1` after `failures` tries failed in a row. */
export function outageDelay(failures: number, backoff: OutageBackoff = DEFAULT_OUTAGE_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Runs `write` until the database takes it: a job's outcome must not be lost because the database was down when
 * it ended. Other errors, and any error once `signal` aborts (the worker stops), are thrown: the job's lease then
 * expires and another run picks it up.
 */
export async function untilStored<T>(
  write: () => Promise<T>,
  signal: AbortSignal,
  backoff: OutageBackoff = DEFAULT_OUTAGE_BACKOFF,
): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseOutage(error) || signal.aborted) throw error;
      await backoff.sleep(outageDelay(failures, backoff), signal);
    }
  }
}
