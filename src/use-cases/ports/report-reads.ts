/** The report month and the months before it that the trend shows, with their bounds in the agreement's zone. */
export interface ReportWindow {
  month: string;
  /** Oldest first; the report month last. */
  months: string[];
  /** months.length + 1 ascending epoch-ms bounds: months[i] is [bounds[i], bounds[i + 1]). */
  bounds: number[];
  start: number;
  end: number;
  monthStart: number;
}

/** A history row that handed a contact to sales in the window or recycled it in the report month. */
export interface LeadEventRow {
  contactId: string;
  tier: string;
  qualifiedAt: number | null;
  recycledAt: number | null;
  slaStatus: string | null;
  grade: string;
  score: number;
  stage: string;
  agreementVersion: number;
  followUpDue: number | null;
  /** The cause recorded when it was recycled (migration 002); null on rows written before. */
  recycleCause: string | null;
  /** The route it was handed to (capacity per route); absent where a reader does not know it. */
  route?: string;
}

/**
 * The leads of one window month that share grade, stage, version, whether they were handed or held back by
 * capacity, and (report month only) the criteria that scored; counted with their outcomes.
 */
export interface CohortRow {
  month: string;
  grade: string;
  stage: string;
  version: number;
  handed: boolean;
  heldBack: boolean;
  /** Ids of the fit rules / intent signals that gave points (empty outside the report month). */
  rules: string[];
  signals: string[];
  count: number;
  converted: number;
  accepted: number;
  rejected: number;
}

/** How many contacts were held back by capacity in a window month, by the route they were headed to. */
export interface HeldBackRow {
  month: string;
  /** The route it was headed to; null for contacts held back before the route was stored (migration 010). */
  route: string | null;
  count: number;
}

/** One contact's stored HubSpot properties. */
export interface StoredContactProperties {
  contactId: string;
  properties: Readonly<Record<string, string | null | undefined>>;
}

/** A property value seen through a webhook. */
export interface SeenValue {
  contactId: string;
  value: string;
}

/** A rep's verdict as stored (values checked by the reader). */
export interface StoredVerdictRow {
  contactId: string;
  verdict: string;
  reason: string | null;
  at: number;
}

/** Something that happened to one contact at `at` (epoch ms). */
export interface ContactInstant {
  contactId: string;
  at: number;
}

/** The read model the monthly report is computed from: a portal's history, contacts, signals and verdicts. */
export interface ReportReadsPort {
  /**
   * In history-id order: sales-ready rows whose `qualified_at` falls in the window and recycled rows whose
   * `recycled_at` falls in the report month.
   */
  leadEvents(portalId: string, window: ReportWindow): Promise<LeadEventRow[]>;
  /**
   * The window's leads aggregated per month: for every contact and month its last history row (disqualified
   * left out), before the suggestion's basis months only the handed ones. A few hundred rows at most.
   */
  cohort(portalId: string, window: ReportWindow): Promise<CohortRow[]>;
  /**
   * The contacts held back by capacity in each window month (once a month each, not when that month ended with
   * them disqualified), by the route they were headed to.
   */
  heldBack(portalId: string, window: ReportWindow): Promise<HeldBackRow[]>;
  /** The stored properties of those of `contactIds` the portal has. */
  contactProperties(portalId: string, contactIds: readonly string[]): Promise<StoredContactProperties[]>;
  /** Every value of `properties` seen through webhooks for `contactIds`. */
  seenValues(
    portalId: string,
    contactIds: readonly string[],
    properties: readonly string[],
  ): Promise<SeenValue[]>;
  /** The verdicts on `contactIds`, oldest recorded first. */
  verdicts(portalId: string, contactIds: readonly string[]): Promise<StoredVerdictRow[]>;
  /** For each of `contactIds` and qualification, the first history row at or after `since` with SLA `breached`. */
  slaBreaches(portalId: string, contactIds: readonly string[], since: number): Promise<ContactInstant[]>;
  /** When a rep first moved each HubSpot Lead of `contactIds` on (Leads never worked left out): first touches. */
  leadTouches(portalId: string, contactIds: readonly string[]): Promise<ContactInstant[]>;
}
