import { z } from 'zod';
import { namesStatusSchema } from './names';
import {
  gradeSchema,
  monthSchema,
  rejectReasonSchema,
  requestMonthSchema,
  routeSchema,
  stageSchema,
} from './values';

/*
 * `GET /api/report?month=YYYY-MM`: the monthly alignment report of the signed portal.
 * Built by src/domain/report/build-monthly-report.ts; test/use-cases/report checks that its output parses here.
 */

const count = z.number().int().nonnegative();

/** `GET /api/report` query. */
export const reportQuerySchema = z.object({ month: requestMonthSchema }).strict();

/** A rate with its counts beside it and its Wilson 95% interval; `rate` is null when there were no trials. */
export const countRateSchema = z.object({
  successes: count,
  trials: count,
  rate: z.number().min(0).max(1).nullable(),
  low: z.number().min(0).max(1),
  high: z.number().min(0).max(1),
});

/** A sentence in English and Japanese. */
const bilingual = { en: z.string(), ja: z.string() };

export const followUpRowSchema = z.object({
  /** null: leads with no owner (in `total`: everyone). */
  ownerId: z.string().nullable(),
  /** The owner's name in HubSpot; null (or absent, from older servers) when it could not be read: show the id. */
  ownerName: z.string().nullable().optional(),
  handed: count,
  /** Untouched leads not yet due, left out of `withinSla`. */
  pending: count,
  withinSla: countRateSchema,
  breaches: count,
  medianHoursToFirstTouch: z.number().nonnegative().nullable(),
});

export const conversionRowSchema = countRateSchema.extend({ key: z.string(), label: z.string() });

const evidenceSideSchema = z.object({
  leads: count,
  acceptance: countRateSchema,
  conversion: countRateSchema,
});

/** How the leads one rule or signal of the active agreement scored did against all other leads. */
export const evidenceRowSchema = z.object({
  kind: z.enum(['fit', 'signal']),
  id: z.string(),
  label: z.string(),
  points: z.number(),
  scored: evidenceSideSchema,
  rest: evidenceSideSchema,
  /** Set only when the 95% intervals do not overlap. */
  flag: z
    .object({ kind: z.enum(['fewer_points', 'low_acceptance', 'more_points']), ...bilingual })
    .nullable(),
});

const gradeSetOutcomeSchema = z.object({
  grades: z.array(gradeSchema),
  leads: count,
  handed: count,
  conversion: countRateSchema,
});

/** Sales-ready grades that would fill next month's capacity with the best-converting leads. Shown, never applied. */
export const suggestionSchema = z.object({
  month: monthSchema,
  capacity: count,
  grades: z.array(gradeSchema),
  expectedInflow: z.number().nonnegative(),
  basisMonths: z.array(monthSchema),
  changed: z.boolean(),
  /** The suggested grades in the report month. */
  lastMonth: gradeSetOutcomeSchema,
  /** The active agreement's grades in the report month. */
  current: gradeSetOutcomeSchema,
  text: z.object(bilingual),
});

/** One route's handoffs in a month against its own cap (null: only the total limits it), and its leads held back. */
export const routeHandoffSchema = z.object({
  route: routeSchema,
  handed: count,
  capacity: count.nullable(),
  utilisation: z.number().nonnegative().nullable(),
  /** Its contacts held back by capacity that month, by its own cap or the total's (absent from older servers). */
  heldBack: count.optional(),
});

export const trendPointSchema = z.object({
  month: monthSchema,
  capacity: count.nullable(),
  handed: count,
  /** Contacts held back by capacity that month. */
  heldBack: count,
  followUp: countRateSchema,
  conversion: countRateSchema,
  /** Each route against its cap and its leads held back, when the agreement in force that month capped a route. */
  routes: z.array(routeHandoffSchema).optional(),
});

/** `GET /api/report` answer. */
export const monthlyReportSchema = z.object({
  portalId: z.string(),
  month: monthSchema,
  timezone: z.string(),
  agreementVersion: z.number().int().positive().nullable(),
  handoff: z.object({
    handed: count,
    capacity: count.nullable(),
    heldBack: count,
    utilisation: z.number().nonnegative().nullable(),
    /**
     * Each route against its own cap (null: only the total limits it) with its leads held back, when the agreement in
     * force caps a route. Leads held back before the upgrade are in `heldBack` only.
     */
    routes: z.array(routeHandoffSchema).optional(),
  }),
  followUp: z.object({ total: followUpRowSchema, byOwner: z.array(followUpRowSchema) }),
  /** Where `ownerName` comes from: HubSpot's owners, or nowhere (ids shown) and why. */
  ownerNames: namesStatusSchema.optional(),
  verdicts: z.object({
    handed: count,
    accepted: count,
    rejected: count,
    pending: count,
    acceptance: countRateSchema,
    rejectionsByReason: z.array(z.object({ reason: rejectReasonSchema, count })),
  }),
  recycled: z.object({
    total: count,
    byCause: z.array(z.object({ cause: z.enum(['sla_no_touch', 'sla_no_progress', 'rejected']), count })),
  }),
  conversion: z.object({
    overall: countRateSchema,
    handed: countRateSchema,
    byGrade: z.array(conversionRowSchema),
    bySignal: z.array(conversionRowSchema),
    byStage: z.array(conversionRowSchema.extend({ key: stageSchema })),
    byVersion: z.array(conversionRowSchema),
  }),
  /** The last six months, oldest first, the report month last. */
  trend: z.array(trendPointSchema),
  evidence: z.array(evidenceRowSchema),
  suggestion: suggestionSchema.nullable(),
  /**
   * The latest closed calibration quiz round (closed by the end of the report month) and how far apart the sides
   * were: between-sides agreement in percent and Cohen's kappa with its 95% interval (null when one-sided).
   * Absent when no round was closed by then (and from older servers).
   */
  quiz: z
    .object({
      roundId: z.string(),
      closedAt: z.string(),
      leads: count,
      oneSided: z.boolean(),
      percent: z.number().min(0).max(100).nullable(),
      kappa: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
    })
    .nullable()
    .optional(),
  /**
   * The HubSpot Leads Lead Pact handed over (`handoff.createLeads`), in the month: created, first moved on by a rep
   * (worked), disqualified by Lead Pact with its reason (`rejected`, `sla_no_touch`, `sla_no_progress`,
   * `disqualified`, `nurture`; others may come), and converted (reached the qualified stage). Absent when Leads are
   * off and none was touched in the month (and from older servers).
   */
  leads: z
    .object({
      created: count,
      worked: count,
      disqualified: count,
      disqualifiedByReason: z.array(z.object({ reason: z.string(), count })),
      converted: count,
    })
    .optional(),
  /** Why a report is empty, blocked or thin (`no_agreement`, `empty_month`, `capacity_zero`, `little_history`). */
  notes: z.array(z.object({ code: z.string(), ...bilingual })),
});

export type ReportQuery = z.infer<typeof reportQuerySchema>;
export type CountRate = z.infer<typeof countRateSchema>;
export type MonthlyReportResponse = z.infer<typeof monthlyReportSchema>;
