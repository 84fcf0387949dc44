/**
 * HubSpot Leads Lead Pact hands over (`handoff.createLeads`): one row per handoff (a contact's qualification to
 * `sales_ready`, keyed by its `qualifiedAt`), which is also the Leads outbox — what Lead Pact wants the Lead to be,
 * what HubSpot last confirmed, and the retry state. A contact has at most one row whose Lead is open.
 */

/** What Lead Pact wants of the Lead: open (just handed over), accepted by a rep, or disqualified. */
export const WANTED_LEAD_STATES = ['open', 'accepted', 'disqualified'] as const;
export type WantedLeadState = (typeof WANTED_LEAD_STATES)[number];

/** Whether HubSpot has what Lead Pact wants: pending (to send), synced, or rejected by HubSpot for good. */
export const LEAD_SYNC_STATUSES = ['pending', 'synced', 'rejected'] as const;
export type LeadSyncStatus = (typeof LEAD_SYNC_STATUSES)[number];

/** One handoff and its Lead. */
export interface LeadHandoff {
  contactId: string;
  /** The qualification's `qualifiedAt` that handed the contact over: one Lead per handoff. */
  handoffAt: number;
  /** HubSpot's Lead id once created. */
  leadId: string | null;
  wanted: WantedLeadState;
  /** Why it was disqualified: `rejected` (with the rep's words in `reasonNote`), `sla_no_touch`, `sla_no_progress`... */
  reason: string | null;
  reasonNote: string | null;
  name: string;
  /** The Lead's owner (`hubspot_owner_id`); null: unassigned. */
  ownerId: string | null;
  /**
   * A HubSpot team whose member owner with the fewest open Lead Pact Leads becomes the owner, picked by the sync
   * before the Lead is created (then null); `ownerId` meanwhile holds the fallback (the contact's owner).
   */
  teamId: string | null;
  companyId: string | null;
  grade: string;
  route: string;
  reasons: string;
  /** The Lead's stage as HubSpot last reported it (our write's answer or a lead webhook). */
  hubspotStage: string | null;
  /** When a rep first moved the Lead on in HubSpot (a lead webhook not caused by Lead Pact): the first touch. */
  workedAt: number | null;
  /** When the Lead reached the pipeline's qualified stage (converted). */
  convertedAt: number | null;
  status: LeadSyncStatus;
  revision: number;
  attempts: number;
  nextAttemptAt: number;
  message: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A new handoff to record. */
export type NewLeadHandoff = Pick<
  LeadHandoff,
  'contactId' | 'handoffAt' | 'name' | 'ownerId' | 'companyId' | 'grade' | 'route' | 'reasons'
> & { teamId?: string | null };

/** Lead counts of a period for the monthly report. */
export interface LeadCounts {
  created: number;
  worked: number;
  disqualifiedByReason: Record<string, number>;
  converted: number;
}

/** The store of handed-over Leads. */
export interface LeadsPort {
  /** Records a handoff; false (and nothing written) when the contact already has an open Lead or this handoff. */
  open(portalId: string, handoff: NewLeadHandoff, now: number): Promise<boolean>;
  /** Changes what Lead Pact wants of the contact's open Lead (accepted, disqualified); false when it has none. */
  close(
    portalId: string,
    contactId: string,
    wanted: Exclude<WantedLeadState, 'open'>,
    reason: string | null,
    reasonNote: string | null,
    now: number,
  ): Promise<boolean>;
  /** Takes up to `limit` due pending rows and hides them from other workers for `leaseMs`. */
  claimDue(portalId: string, now: number, limit: number, leaseMs: number): Promise<LeadHandoff[]>;
  /** HubSpot has what was claimed (`revision`); a row changed since the claim stays pending and due. */
  markSynced(
    portalId: string,
    row: Pick<LeadHandoff, 'contactId' | 'handoffAt' | 'revision'>,
    leadId: string,
    hubspotStage: string,
    now: number,
  ): Promise<void>;
  /**
   * Keeps the Lead HubSpot created for a claimed row whose stage change is still to be sent (create, then move), so
   * a failed move never creates it again; the row stays pending.
   */
  recordLead(
    portalId: string,
    row: Pick<LeadHandoff, 'contactId' | 'handoffAt'>,
    leadId: string,
    hubspotStage: string,
    now: number,
  ): Promise<void>;
  markRejected(
    portalId: string,
    row: Pick<LeadHandoff, 'contactId' | 'handoffAt' | 'revision'>,
    message: string,
    now: number,
  ): Promise<void>;
  retryLater(
    portalId: string,
    rows: readonly Pick<LeadHandoff, 'contactId' | 'handoffAt'>[],
    nextAttemptAt: number,
    message: string,
  ): Promise<void>;
  /**
   * A Lead's stage reported by HubSpot (a lead webhook); `byRep` marks the first touch when it is the first. A Lead
   * `deleted` in HubSpot closes its handoff (the contact may get a new Lead later) and nothing more is sent to it.
   */
  recordStage(
    portalId: string,
    leadId: string,
    stage: string,
    at: number,
    flags: { byRep: boolean; converted: boolean; deleted?: boolean },
  ): Promise<LeadHandoff | undefined>;
  /**
   * Someone other than Lead Pact (a rep in the prospecting workspace) moved the open Lead to the disqualified stage:
   * its handoff closes as disqualified with the reason `rep_in_hubspot` and `note`, worked by that move, with nothing
   * left to send. Undefined (nothing written) when the Lead is not one of Lead Pact's open handoffs.
   */
  disqualifiedInHubSpot(
    portalId: string,
    leadId: string,
    stage: string,
    note: string,
    at: number,
  ): Promise<LeadHandoff | undefined>;
  /**
   * The contact's open handoff (its Lead not disqualified by Lead Pact, not converted, not refused by HubSpot before
   * it existed), or undefined. At most one exists per contact.
   */
  openFor(portalId: string, contactId: string): Promise<LeadHandoff | undefined>;
  /**
   * Which of these handoffs (a contact at its `qualifiedAt`) are recorded, open or closed: their contact ids (one
   * query per thousand). A sales-ready contact whose handoff is not is one handed over while Leads were off.
   */
  recordedAmong(
    portalId: string,
    handoffs: readonly Pick<LeadHandoff, 'contactId' | 'handoffAt'>[],
  ): Promise<Set<string>>;
  /** Which of these contacts have an open handoff (one query for a page of contacts). */
  openAmong(portalId: string, contactIds: readonly string[]): Promise<Set<string>>;
  /** The team's member picked as the owner (or the fallback kept: `ownerId` as it is): the team is resolved. */
  assignOwner(
    portalId: string,
    row: Pick<LeadHandoff, 'contactId' | 'handoffAt'>,
    ownerId: string | null,
    now: number,
  ): Promise<void>;
  /**
   * The contact's name and company as HubSpot gave them just before its Lead was created (the lead-sync reads them
   * fresh: the stored contact may predate Leads and lack them), so the row says what the Lead was created with.
   */
  recordContact(
    portalId: string,
    row: Pick<LeadHandoff, 'contactId' | 'handoffAt'>,
    contact: Pick<LeadHandoff, 'name' | 'companyId'>,
    now: number,
  ): Promise<void>;
  /** How many open handoffs each of these owners holds (0 for none): a team route picks the least loaded member. */
  openCountsByOwner(portalId: string, ownerIds: readonly string[]): Promise<Record<string, number>>;
  /** The contact's latest handoff (for the card), or undefined. */
  latest(portalId: string, contactId: string): Promise<LeadHandoff | undefined>;
  /** The handoff of a HubSpot Lead id, or undefined. */
  byLeadId(portalId: string, leadId: string): Promise<LeadHandoff | undefined>;
  /** When the portal's earliest pending row is due (a retry's backoff), or null when none is pending. */
  nextDueAt(portalId: string): Promise<number | null>;
  /** Counts per status (settings and /metrics). */
  counts(portalId: string): Promise<Record<LeadSyncStatus, number>>;
  /** Created, worked, disqualified by reason and converted in [from, to). */
  countsBetween(portalId: string, from: number, to: number): Promise<LeadCounts>;
}
