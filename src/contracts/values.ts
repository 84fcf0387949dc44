import { z } from 'zod';

/*
 * The value sets the API speaks. They repeat src/domain's constants on purpose: this folder is uploaded to HubSpot
 * as its own package (a `file:` dependency of the extensions), so at runtime it may import nothing but zod.
 * test/extensions/contracts-match-domain.test.ts fails if they drift apart.
 */

export const TIER_VALUES = ['sales_ready', 'nurture', 'recycled', 'disqualified'] as const;
export const STAGE_VALUES = ['awareness', 'interest', 'comparison', 'decision'] as const;
export const ROUTE_VALUES = ['field_sales', 'inside_sales', 'marketing'] as const;
export const SLA_STATUS_VALUES = ['on_track', 'met', 'breached'] as const;
export const VERDICT_VALUES = ['accepted', 'rejected'] as const;
export const REJECT_REASON_VALUES = [
  'too_small',
  'wrong_role',
  'not_ready',
  'bad_data',
  'existing_relationship',
  'other',
] as const;
export const FIT_GRADE_VALUES = ['A', 'B', 'C', 'D'] as const;
export const INTENT_LEVEL_VALUES = [1, 2, 3, 4] as const;
/** Every grade, `A1` .. `D4`, fit letter first. */
export const GRADE_VALUES = FIT_GRADE_VALUES.flatMap((fit) =>
  INTENT_LEVEL_VALUES.map((level) => `${fit}${level}`),
);
/** The two sides of the agreement. */
export const SIDE_VALUES = ['marketing', 'sales'] as const;

export const tierSchema = z.enum(TIER_VALUES);
export const stageSchema = z.enum(STAGE_VALUES);
export const routeSchema = z.enum(ROUTE_VALUES);
export const slaStatusSchema = z.enum(SLA_STATUS_VALUES);
export const verdictSchema = z.enum(VERDICT_VALUES);
export const rejectReasonSchema = z.enum(REJECT_REASON_VALUES);
export const sideSchema = z.enum(SIDE_VALUES);
export const gradeSchema = z.string().regex(/^[A-D][1-4]$/, 'expected a grade A1..D4');
/** An ISO-8601 timestamp with offset, as the API sends every instant. */
export const instantSchema = z.iso.datetime({ offset: true });
/** A calendar month, `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
/**
 * The months a caller may ask a report or simulation about. No portal holds data from before 2000, and the month
 * arithmetic around one (a year of trend before it, the capacity of the month after) stays within four-digit years
 * (`9999-12` and `0000-01` once answered 500).
 */
export const REQUEST_MONTHS = { first: '2000-01', last: '2100-12' } as const;
/** A month a caller asks about: `YYYY-MM` from REQUEST_MONTHS.first to REQUEST_MONTHS.last. */
export const requestMonthSchema = monthSchema.refine(
  (month) => month >= REQUEST_MONTHS.first && month <= REQUEST_MONTHS.last,
  `expected a month from ${REQUEST_MONTHS.first} to ${REQUEST_MONTHS.last}`,
);
/** A HubSpot record id, sent as a string of digits. */
export const objectIdSchema = z.string().regex(/^\d+$/, 'expected a record id (digits)');

/**
 * The id the UI gives one user action that changes state (a UUID, or any 8-64 letters, digits, `-` and `_`).
 * `hubspot.fetch` retries a request once after a connection failure or a 5xx, body unchanged, so the server applies
 * a request id once per portal, user and route. Optional: a request without one is applied as it comes.
 */
export const requestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected a request id (8-64 letters, digits, - or _)');

export type Tier = z.infer<typeof tierSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Route = z.infer<typeof routeSchema>;
export type SlaStatus = z.infer<typeof slaStatusSchema>;
export type Verdict = z.infer<typeof verdictSchema>;
export type RejectReason = z.infer<typeof rejectReasonSchema>;
export type Side = z.infer<typeof sideSchema>;
