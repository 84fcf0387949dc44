/** One audited action: who did what, when, with details. */
export interface AuditEntry {
  portalId: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  at: number;
}

/** Append-only audit log of who changed what. */
export interface AuditLogPort {
  /** Appends one entry. */
  record(entry: AuditEntry): Promise<void>;
  /** The latest entries of a portal, newest first; only those of `actions` when given. */
  list(portalId: string, limit?: number, actions?: readonly string[]): Promise<AuditEntry[]>;
}
