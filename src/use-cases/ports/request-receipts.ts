/** Who sent a state-changing request, to which route, under which id the UI gave it. */
export interface RequestKey {
  portalId: string;
  userId: string;
  route: string;
  requestId: string;
}

/** The key of a request, or undefined when the caller sent no request id (older UIs): nothing to dedupe by. */
export function requestKey(
  caller: { portalId: string; userId: string },
  route: string,
  requestId: string | undefined,
): RequestKey | undefined {
  return requestId === undefined ? undefined : { ...caller, route, requestId };
}

/**
 * Receipts of requests `hubspot.fetch` may deliver twice, so each is applied once. The store implements it; claim
 * inside the transaction that applies the request, so the effect and its receipt commit together.
 */
export interface RequestReceiptsPort {
  /** Records the receipt: true for the first copy of the request, false when a copy already committed. */
  claim(key: RequestKey, at: number): Promise<boolean>;
}

/** Serialises the writers of one contact until the surrounding transaction ends. The store implements it. */
export interface ContactLocksPort {
  /** Waits for (then holds) the contact's lock; it is released when the transaction ends. */
  lock(portalId: string, contactId: string): Promise<void>;
}
