import type { FitGrade, Grade, IntentLevel, Route, Stage } from './agreement-schema';

/** The handoff decision workflows act on (`lead_pact_tier`). */
export const TIERS = ['sales_ready', 'nurture', 'recycled', 'disqualified'] as const;
export type Tier = (typeof TIERS)[number];

export const SLA_STATUSES = ['on_track', 'met', 'breached'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

export const VERDICTS = ['accepted', 'rejected'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const REJECT_REASONS = [
  'too_small',
  'wrong_role',
  'not_ready',
  'bad_data',
  'existing_relationship',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** HubSpot hands every value over as a string (or null when unset). */
export type PropertyMap = Record<string, string | null | undefined>;

/** A contact as the engine sees it: its properties and its primary company's properties. */
export interface ContactRecord {
  id: string;
  properties: PropertyMap;
  company?: PropertyMap | null;
}

/** One property change the service saw through a webhook, kept so repeated conversions add up. */
export interface ObservedChange {
  property: string;
  value: string;
  /** Epoch milliseconds when HubSpot says it happened. */
  at: number;
}

/** What the engine knows about a contact beyond its properties. */
export interface ContactState {
  history?: readonly ObservedChange[];
  /** Epoch ms when the contact was recycled (SLA or rejection); it re-qualifies only on a newer signal. */
  recycledAt?: number | null;
}

export type CriterionOutcome = 'matched' | 'not_matched' | 'unknown';

/**
 * Keyword rules: the keyword found in the value, as the agreement writes it. `cancelledBy` is the group's exception
 * that cancelled it (部長 in 営業部長代理, cancelled by 部長代理) when no keyword counted.
 */
export interface KeywordFinding {
  text: string;
  cancelledBy?: string;
}

/** One line of the explanation: a fit rule, an intent signal or a disqualifier. */
export interface CriterionResult {
  kind: 'fit' | 'signal' | 'disqualify';
  id: string;
  label: string;
  property: string;
  /** The raw value seen, null when unknown. */
  value: string | null;
  outcome: CriterionOutcome;
  /** Points given (signals: after decay). */
  points: number;
  /** Signals: the points the counted occurrences would give undecayed (shown as "decayed from 60"). */
  fullPoints?: number;
  /** Signals: age in days of the occurrence that counted; null when its date is unknown. */
  ageDays?: number | null;
  /** Signals: how many occurrences counted (history adds up). */
  occurrences?: number;
  /** Why it is unknown (unparsable number, missing date...). */
  note?: 'missing' | 'unparsable' | 'date_unknown';
  /** Keyword rules: which keyword matched, or which exception cancelled the keyword found. */
  keyword?: KeywordFinding;
}

/** The verdict for one contact under one agreement, before capacity allocation. */
export interface Qualification {
  /** `sales_ready` here means "eligible for handoff"; the capacity allocator may turn it into `nurture`. */
  tier: Tier;
  grade: Grade;
  fitGrade: FitGrade;
  intentLevel: IntentLevel;
  /** 0-100, monotone in fit and intent points; ranks contacts inside a grade and against capacity. */
  score: number;
  fitPoints: number;
  intentPoints: number;
  stage: Stage;
  route: Route;
  /** Why the tier is what it is beyond the grade. */
  tierReason: 'grade' | 'disqualified' | 'recycled' | 'capacity' | null;
  criteria: CriterionResult[];
  /**
   * Set by the capacity allocation on a lead held back (`tierReason` "capacity"): the month that was full and the
   * route whose own cap was reached, or null when the total was.
   */
  heldBack?: { month: string; route: Route | null };
}
