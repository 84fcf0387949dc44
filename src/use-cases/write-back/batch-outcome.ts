import { isAppError } from '../../domain/app-error';
import { hubspotErrorInfo } from '../ports/hubspot-error-info';
import { retryDelay } from '../retry-delay';
import type { OutboxEntry } from '../ports/outbox';
import type { WriteBackStore } from './write-back-ports';

/** What a failed batch means for the run. */
export type FailureOutcome =
  { kind: 'retry'; at: number } | { kind: 'paused'; until: number } | { kind: 'disconnected' };

/** Backoff for 5xx and network failures: 1 s doubling per attempt, capped at 5 minutes, jittered. */
export const UPSTREAM_BACKOFF = { baseMs: 1_000, maxMs: 300_000 };

/**
 * Puts a failed batch back in the outbox (never drops it) and decides what the run does next:
 * TEN_SECONDLY 429 -> the whole portal slows down for HubSpot's hint; DAILY 429 -> the portal pauses until
 * the reset; 401 -> the portal is disconnected; anything else -> the rows retry with backoff.
 */
export async function recordFailure(
  store: WriteBackStore,
  portalId: string,
  batch: readonly OutboxEntry[],
  error: unknown,
  now: number,
): Promise<FailureOutcome> {
  const ids = batch.map((e) => e.contactId);
  const message = error instanceof Error ? error.message : String(error);
  if (isAppError(error, 'unauthorized')) {
    await store.outbox.retryLater(portalId, ids, now, message);
    await store.installations.setStatus(portalId, 'disconnected', 'HubSpot refused the access token', now);
    return { kind: 'disconnected' };
  }
  if (isAppError(error, 'rate_limited')) {
    const info = hubspotErrorInfo(error);
    const until = now + Math.max(1, info.retryAfterMs ?? 1_000);
    await store.rateBudget.pauseUntil(portalId, until, now);
    await store.outbox.retryLater(portalId, ids, until, message);
    return info.policyName === 'DAILY' ? { kind: 'paused', until } : { kind: 'retry', at: until };
  }
  const attempts = Math.max(1, ...batch.map((e) => e.attempts + 1));
  const at = now + retryDelay(attempts, UPSTREAM_BACKOFF);
  await store.outbox.retryLater(portalId, ids, at, message);
  return { kind: 'retry', at };
}
