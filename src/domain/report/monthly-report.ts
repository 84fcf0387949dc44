import type { Grade, Stage } from '../agreement-schema';
import type { RejectReason } from '../qualification';
import type { CountRate } from './count-rate';
import type { RecycleCause, RouteHandoff } from './report-input';

/** A sentence in both languages the app speaks. */
export interface Bilingual {
  en: string;
  ja: string;
}

/** Follow-up of the leads handed to one owner (ownerId null: unassigned) or to everyone. */
export interface FollowUpRow {
  ownerId: string | null;
  handed: number;
  /** Untouched leads whose first-touch deadline has not passed yet (left out of the rate). */
  pending: number;
  /** Touched by the deadline, out of the handed leads that are not pending. */
  withinSla: CountRate;
  breaches: number;
  medianHoursToFirstTouch: number | null;
}

/** One row of a conversion breakdown: `key` is a grade, signal id, stage or version. */
export interface ConversionRow extends CountRate {
  key: string;
  label: string;
}

export const FLAG_KINDS = ['fewer_points', 'low_acceptance', 'more_points'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** How the leads a criterion scored did, against all other leads of the month. */
export interface EvidenceRow {
  kind: 'fit' | 'signal';
  id: string;
  label: string;
  points: number;
  scored: { leads: number; acceptance: CountRate; conversion: CountRate };
  rest: { leads: number; acceptance: CountRate; conversion: CountRate };
  flag: (Bilingual & { kind: FlagKind }) | null;
}

/** What a grade set would have meant in the report month. */
export interface GradeSetOutcome {
  grades: Grade[];
  leads: number;
  /** min(leads, the report month's capacity). */
  handed: number;
  conversion: CountRate;
}

/** Sales-ready grades that would fill next month's capacity with the best-converting leads; never applied. */
export interface Suggestion {
  month: string;
  capacity: number;
  grades: Grade[];
  /** Expected leads per month in those grades (average of the basis months). */
  expectedInflow: number;
  basisMonths: string[];
  changed: boolean;
  lastMonth: GradeSetOutcome;
  current: GradeSetOutcome;
  text: Bilingual;
}

export interface TrendPoint {
  month: string;
  capacity: number | null;
  handed: number;
  /** Contacts held back by capacity that month. */
  heldBack: number;
  followUp: CountRate;
  conversion: CountRate;
  /** Each route against its cap, when the agreement in force that month capped a route. */
  routes?: RouteHandoff[];
}

/** One route's handoffs in the month against its cap (defined beside the report input, which carries it). */
export type { RouteHandoff } from './report-input';

/** The month's HubSpot Leads: created, worked by a rep, disqualified by Lead Pact (why), converted. */
export interface LeadsSummary {
  created: number;
  worked: number;
  disqualified: number;
  /** Known reasons first, in a fixed order, then any other; reasons with no Lead left out. */
  disqualifiedByReason: { reason: string; count: number }[];
  converted: number;
}

/** The monthly alignment report for one portal and month. */
export interface MonthlyReport {
  portalId: string;
  month: string;
  timezone: string;
  agreementVersion: number | null;
  handoff: {
    handed: number;
    capacity: number | null;
    heldBack: number;
    utilisation: number | null;
    /** Each route against its own cap (null: only the total limits it), when the agreement in force caps a route. */
    routes?: RouteHandoff[];
  };
  followUp: { total: FollowUpRow; byOwner: FollowUpRow[] };
  verdicts: {
    handed: number;
    accepted: number;
    rejected: number;
    pending: number;
    acceptance: CountRate;
    rejectionsByReason: { reason: RejectReason; count: number }[];
  };
  recycled: { total: number; byCause: { cause: RecycleCause; count: number }[] };
  conversion: {
    overall: CountRate;
    handed: CountRate;
    byGrade: ConversionRow[];
    bySignal: ConversionRow[];
    byStage: (ConversionRow & { key: Stage })[];
    byVersion: ConversionRow[];
  };
  trend: TrendPoint[];
  evidence: EvidenceRow[];
  suggestion: Suggestion | null;
  /** Only when Lead Pact hands leads over as HubSpot Leads (or did during the month). */
  leads?: LeadsSummary;
  notes: (Bilingual & { code: string })[];
}
