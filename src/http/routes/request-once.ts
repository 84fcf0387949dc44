/** A state-changing request: who sent it, to which route, under which id the UI gave it (none from older UIs). */
export interface OnceRequest {
  portalId: string;
  userId: string;
  route: string;
  requestId: string | undefined;
}

/**
 * Applies a write once per request id: hubspot.fetch retries a call after a 5xx or a lost connection, and the copy
 * must change nothing. `effect` gets ports whose transaction records the request's receipt with its effect; a copy of
 * an applied request resolves `replayed` without running it. Without a request id, it just runs.
 */
export type ApplyOnce<Ports> = (
  request: OnceRequest,
  effect: (ports: Ports) => Promise<unknown>,
) => Promise<'applied' | 'replayed'>;
