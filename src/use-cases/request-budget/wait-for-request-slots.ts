import { AppError } from '../../domain/app-error';
import { hubspotErrorDetails } from '../ports/hubspot-error-info';
import { DAILY_PAUSE_MS, type RateBudgetPort } from '../ports/rate-budget';

/** Sent after the store's window frees a slot, so HubSpot's own window (which saw the request later) has freed it too. */
export const SLOT_MARGIN_MS = 25;

/** Where and how a portal's calls wait for its request budget; tests pass a fake clock and sleep. */
export interface SlotWait {
  portalId: string;
  budget: Pick<RateBudgetPort, 'reserveRequests'>;
  /** Slots per rolling 10 s the portal's calls may hold. */
  limitPer10s: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Longer waits (a DAILY pause) give the request up unsent instead of holding the job. */
  maxInlineWaitMs: number;
}

/** The request was not sent: the portal's budget frees a slot only in `waitMs` (`hubspot.retryAfterMs`). */
function notSent(portalId: string, waitMs: number, now: number): AppError {
  const until = new Date(now + waitMs).toISOString();
  return new AppError(
    'rate_limited',
    `HubSpot requests of portal ${portalId} are paused until ${until}: the request was not sent`,
    hubspotErrorDetails({
      policyName: waitMs >= DAILY_PAUSE_MS ? 'DAILY' : 'TEN_SECONDLY_ROLLING',
      retryAfterMs: waitMs,
    }),
  );
}

/**
 * Waits until `n` requests fit in the portal's rolling window and reserves them; the one wait loop of every HubSpot
 * call. A wait longer than `maxInlineWaitMs` throws `rate_limited` (its `retryAfterMs` says when to come back)
 * and an abort throws the signal's reason: either way nothing was reserved and nothing may be sent.
 */
export async function waitForRequestSlots(w: SlotWait, n = 1): Promise<void> {
  // A reservation larger than the ceiling could never be granted; such calls are rare (install) and sequential.
  const wanted = Math.max(1, Math.min(n, w.limitPer10s));
  for (;;) {
    w.signal?.throwIfAborted();
    const now = w.now();
    const slot = await w.budget.reserveRequests(w.portalId, w.limitPer10s, now, wanted);
    if (slot.granted) return;
    if (slot.waitMs > w.maxInlineWaitMs) throw notSent(w.portalId, slot.waitMs, now);
    await w.sleep(slot.waitMs + SLOT_MARGIN_MS, w.signal);
  }
}
