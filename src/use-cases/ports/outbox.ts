export const OUTBOX_STATUSES = ['pending', 'sent', 'rejected'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Property values to write to one HubSpot contact. */
export interface OutboxWrite {
  contactId: string;
  properties: Record<string, string>;
}

/** One contact's row in the outbox. `revision` grows with every merge, so a send never hides a newer write. */
export interface OutboxEntry extends OutboxWrite {
  status: OutboxStatus;
  revision: number;
  attempts: number;
  nextAttemptAt: number;
  message: string | null;
  sentAt: number | null;
}

/** Pending property writes per contact; a new write merges into a pending one, replaces a finished one. */
export interface OutboxPort {
  /** Queues writes (only the changed properties), merged per contact. */
  enqueueMany(portalId: string, writes: readonly OutboxWrite[], now: number): Promise<void>;
  /** Takes up to `limit` due pending writes of a portal and hides them from other writers for `leaseMs`. */
  claimDue(portalId: string, now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  /** Marks claimed writes sent; a contact whose row changed since the claim stays pending and due now. */
  markSent(
    portalId: string,
    sent: readonly { contactId: string; revision: number }[],
    at: number,
  ): Promise<void>;
  /** Records HubSpot's rejection of one contact's write (deleted, merged, invalid value). */
  markRejected(
    portalId: string,
    contactId: string,
    revision: number,
    message: string,
    at: number,
  ): Promise<void>;
  /** Puts claimed writes back for a later attempt (429, 5xx, network). */
  retryLater(
    portalId: string,
    contactIds: readonly string[],
    nextAttemptAt: number,
    message: string,
  ): Promise<void>;
  /** One contact's row, or undefined. */
  get(portalId: string, contactId: string): Promise<OutboxEntry | undefined>;
  /** Rows of a portal in contact id order, optionally of one status. */
  list(portalId: string, status?: OutboxStatus, limit?: number): Promise<OutboxEntry[]>;
  /** How many rows a portal has per status. */
  counts(portalId: string): Promise<Record<OutboxStatus, number>>;
}
