import type { Grade, Route, Stage } from '../agreement-schema';
import type { RejectReason, Verdict } from '../qualification';

/** Why a lead was recycled. */
export const RECYCLE_CAUSES = ['sla_no_touch', 'sla_no_progress', 'rejected'] as const;
export type RecycleCause = (typeof RECYCLE_CAUSES)[number];

/** A contact became `sales_ready` (was handed to sales) at `at` (epoch ms). */
export interface HandoffEvent {
  contactId: string;
  at: number;
  grade: Grade;
  score: number;
  stage: Stage;
  version: number;
  ownerId: string | null;
  /** SLA first-touch deadline (epoch ms), null when unknown. */
  dueAt: number | null;
  /** The route it was handed to, when known (capacity per route). */
  route?: Route;
}

/** Something that happened to one contact at `at` (first touch, SLA breach). */
export interface ContactEvent {
  contactId: string;
  at: number;
}

export interface VerdictEvent extends ContactEvent {
  verdict: Verdict;
  reason: RejectReason | null;
}

export interface RecycleEvent extends ContactEvent {
  cause: RecycleCause;
}

/**
 * A group of `count` leads of the month that share grade, stage, version, criteria and whether they
 * were handed; tests pass one lead per group, the store passes SQL GROUP BY rows. Disqualified
 * contacts are not leads and are left out.
 */
export interface LeadGroup {
  grade: Grade;
  stage: Stage;
  version: number;
  /** Ids of the fit rules that gave points. */
  rules: readonly string[];
  /** Ids of the intent signals that gave points. */
  signals: readonly string[];
  handed: boolean;
  count: number;
  /** How many of them sales accepted / rejected (latest verdict). */
  accepted: number;
  rejected: number;
  /** How many reached opportunity or customer, or got a deal, after qualifying. */
  converted: number;
}

/** A fit rule or intent signal of the active agreement, with the most points it can give. */
export interface ReportCriterion {
  kind: 'fit' | 'signal';
  id: string;
  label: string;
  points: number;
}

/** One earlier month, already aggregated (trend and suggestion inflow). */
export interface MonthTotals {
  month: string;
  capacity: number | null;
  handed: number;
  /** Handed leads whose follow-up is decided (touched, or due date passed). */
  followUpDecided: number;
  touchedWithinSla: number;
  handedConverted: number;
  byGrade: readonly { grade: Grade; leads: number; converted: number }[];
  /** Contacts held back by capacity in the month (absent: not known, counted as 0). */
  heldBack?: number;
  /** Each route against its cap, when the agreement in force that month caps a route. */
  routes?: readonly RouteHandoff[];
}

/** The HubSpot Leads Lead Pact handed over (`handoff.createLeads`) and what became of them in the month. */
export interface MonthLeadCounts {
  /** Leads created for the month's handoffs. */
  created: number;
  /** Leads a rep first moved on in HubSpot during the month. */
  worked: number;
  /** Leads Lead Pact disqualified during the month, by its reason (`rejected`, `sla_no_touch`...). */
  disqualifiedByReason: Readonly<Record<string, number>>;
  /** Leads that reached the pipeline's qualified stage during the month. */
  converted: number;
}

/** Everything the monthly report is computed from, for one portal and one month. */
export interface ReportInput {
  portalId: string;
  /** `YYYY-MM`, in `timezone`. */
  month: string;
  timezone: string;
  /** When the report is built (epoch ms): follow-ups due later are still pending. */
  now: number;
  capacity: number | null;
  /**
   * The route caps in force for the month (`capacity.routes`), only when that agreement caps a route: the report then
   * shows each route's handoffs against its cap.
   */
  routeCapacity?: Partial<Record<Route, number>>;
  nextMonthCapacity: number | null;
  /** The active agreement, null when none was approved yet. */
  agreement: { version: number; salesReady: readonly Grade[]; criteria: readonly ReportCriterion[] } | null;
  /** Sales-ready events; those outside the month are ignored. */
  handoffs: readonly HandoffEvent[];
  firstTouches: readonly ContactEvent[];
  slaBreaches: readonly ContactEvent[];
  verdicts: readonly VerdictEvent[];
  /** Recycles; those outside the month are ignored. */
  recycles: readonly RecycleEvent[];
  /** Contacts held back by capacity during the month, per grade. */
  heldBack: readonly { grade: Grade; count: number }[];
  /**
   * Contacts held back by capacity during the month, by the route they were headed to (null: held back before the
   * route was stored). Absent: not known (the trend then shows none, and routes no held-back count).
   */
  heldBackRoutes?: readonly { route: Route | null; count: number }[];
  leads: readonly LeadGroup[];
  /** Earlier months (any order, any subset of the last five); missing months count as empty. */
  history: readonly MonthTotals[];
  /** The month's HubSpot Leads, only when Lead Pact hands leads over as Leads (or did during the month). */
  hubspotLeads?: MonthLeadCounts;
}

/** One route's handoffs in the month against its cap. */
export interface RouteHandoff {
  route: Route;
  handed: number;
  capacity: number | null;
  utilisation: number | null;
  /** Its contacts held back by capacity that month (by either cap); absent where not known. */
  heldBack?: number;
}
