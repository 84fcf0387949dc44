import { AppError } from '../domain/app-error';

/** The per-portal request window in the store (the rate-budget repository), shared by every worker process. */
export interface RequestBudget {
  reserveRequests(
    portalId: string,
    limitPer10s: number,
    now: number,
    n?: number,
  ): Promise<{ granted: boolean; waitMs: number }>;
  pauseUntil(portalId: string, until: number, now: number): Promise<void>;
}

/** Where and how a portal's calls wait for the budget; tests pass a fake clock and sleep. */
export interface SlotSettings {
  portalId: string;
  budget: RequestBudget;
  /** Slots per rolling 10 s the portal's calls may hold (the writer's ceiling, so both count alike). */
  limitPer10s: number;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  /** Longer waits (a DAILY pause) fail the call unsent instead of holding the job. */
  maxInlineWaitMs: number;
}

/** Sent after the store's window frees a slot, so HubSpot's own window (which saw the request later) has freed it too. */
export const SLOT_MARGIN_MS = 25;
/** A pause this long is HubSpot's DAILY limit, not a ten-second slow-down (as /readyz tells them apart). */
const DAILY_PAUSE_MS = 60_000;

function notSent(portalId: string, waitMs: number, now: number): AppError {
  const until = new Date(now + waitMs).toISOString();
  return new AppError(
    'rate_limited',
    `HubSpot requests of portal ${portalId} are paused until ${until}: the request was not sent`,
    [
      { path: 'hubspot.policyName', message: waitMs >= DAILY_PAUSE_MS ? 'DAILY' : 'TEN_SECONDLY_ROLLING' },
      { path: 'hubspot.retryAfterMs', message: String(waitMs) },
    ],
  );
}

/**
 * Waits until `n` requests fit in the portal's rolling window and reserves them. A pause longer than
 * `maxInlineWaitMs` throws `rate_limited` without sending; an abort throws the signal's reason.
 */
export async function takeRequestSlots(s: SlotSettings, n: number): Promise<void> {
  // A reservation larger than the ceiling could never be granted; such calls are rare (install) and sequential.
  const wanted = Math.max(1, Math.min(n, s.limitPer10s));
  for (;;) {
    s.signal?.throwIfAborted();
    const now = s.now();
    const slot = await s.budget.reserveRequests(s.portalId, s.limitPer10s, now, wanted);
    if (slot.granted) return;
    if (slot.waitMs > s.maxInlineWaitMs) throw notSent(s.portalId, slot.waitMs, now);
    await s.sleep(slot.waitMs + SLOT_MARGIN_MS, s.signal);
  }
}
