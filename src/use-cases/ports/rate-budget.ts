/** HubSpot's burst limit is a rolling 10-second window. */
export const RATE_WINDOW_MS = 10_000;
/** A pause this long is HubSpot's DAILY limit, not a ten-second slow-down (as /readyz tells them apart). */
export const DAILY_PAUSE_MS = 60_000;

/** The answer to a reservation: granted now, or how long to wait before asking again. */
export interface Reservation {
  granted: boolean;
  waitMs: number;
}

/** One request budget per portal shared by every worker process (the window lives in the store). */
export interface RateBudgetPort {
  /** Reserves `n` requests (default 1) in the rolling window if they fit under `limitPer10s`. */
  reserveRequests(portalId: string, limitPer10s: number, now: number, n?: number): Promise<Reservation>;
  /** Stops all requests of a portal until `until` (HubSpot's rate limit was hit). */
  pauseUntil(portalId: string, until: number, now: number): Promise<void>;
  /** Requests in the current window and the pause, for status pages. */
  status(portalId: string, now: number): Promise<{ inWindow: number; pausedUntil: number | null }>;
}
