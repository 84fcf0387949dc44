/** The current qualification of one contact, as stored and written to HubSpot. */
export interface StoredQualification {
  contactId: string;
  tier: string;
  grade: string;
  score: number;
  stage: string;
  route: string;
  tierReason: string | null;
  reasons: string;
  agreementVersion: number;
  qualifiedAt: number | null;
  followUpDue: number | null;
  slaStatus: string | null;
  recycledAt: number | null;
  /** The capacity month (YYYY-MM) a sales_ready contact counted against. */
  capacityMonth: string | null;
  criteria: unknown;
  /**
   * A lead held back by capacity (`tierReason` "capacity"): the route it was headed to and the cap that was full
   * (`route`: that route's own; `total`: the month's). Null or absent otherwise, and on leads held before migration 010.
   */
  heldBack?: HeldBack | null;
}

/** Why a lead stayed in nurture for capacity: the route it was headed to, and which cap was full. */
export interface HeldBack {
  route: string;
  by: 'route' | 'total';
}

/** A qualification without its bulky criteria: what comparisons and pages read. */
export type QualificationSummary = Omit<StoredQualification, 'criteria'>;

/** The SLA fields a sweep or a rejection changes in place. */
export type SlaPatch = Partial<
  Pick<StoredQualification, 'tier' | 'slaStatus' | 'followUpDue' | 'recycledAt' | 'tierReason'>
>;

/** Current qualifications (one per contact) and their history. The store implements it. */
export interface QualificationsPort {
  /**
   * The current qualification of a contact, or undefined. With `lock`, PostgreSQL holds the row until the
   * transaction ends, so concurrent writers of one contact take turns (SQLite's write transactions already do).
   */
  get(
    portalId: string,
    contactId: string,
    options?: { lock?: boolean },
  ): Promise<StoredQualification | undefined>;
  /** Up to `limit` current qualifications in one tier after `afterId` (contact id order), without criteria. */
  pageInTier(
    portalId: string,
    tier: StoredQualification['tier'],
    afterId: string | null,
    limit: number,
  ): Promise<QualificationSummary[]>;
  /** Replaces the current qualification of many contacts (history is separate: `appendHistory`). */
  upsertMany(portalId: string, rows: readonly StoredQualification[], at: number): Promise<void>;
  /** Appends qualifications to the contacts' history (callers add a row when the verdict changed). */
  appendHistory(portalId: string, rows: readonly StoredQualification[], at: number): Promise<void>;
  /**
   * Updates the SLA fields of one contact (sweeps, rejections). With `expected`, only while its tier, SLA status
   * and due date are still those values (a compare-and-set, so two sweeps never both apply one change); returns
   * whether the row changed.
   */
  updateSla(
    portalId: string,
    contactId: string,
    patch: SlaPatch,
    at: number,
    expected?: Pick<StoredQualification, 'tier' | 'slaStatus' | 'followUpDue'>,
  ): Promise<boolean>;
  /**
   * Adds the contact's current qualification to its history after a change made in place (an SLA breach, a
   * recycle), so the monthly report sees it; a recycle carries its cause (`sla_no_touch`, `sla_no_progress`,
   * `rejected`), anything else `null`.
   */
  recordInHistory(
    portalId: string,
    contactId: string,
    at: number,
    recycleCause?: string | null,
  ): Promise<void>;
  /** Past qualifications of a contact, newest first. */
  history(
    portalId: string,
    contactId: string,
    limit?: number,
  ): Promise<(StoredQualification & { at: number })[]>;
}
