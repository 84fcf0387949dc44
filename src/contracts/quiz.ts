import { z } from 'zod';
import { versionSchema } from './agreements';
import { criterionSchema } from './card';
import {
  gradeSchema,
  instantSchema,
  objectIdSchema,
  requestIdSchema,
  sideSchema,
  tierSchema,
} from './values';

/*
 * The calibration quiz (issue 14 part 1): marketing and sales each answer "should sales call this lead this month?"
 * for the same blind sample of recent leads; the result shows how far apart the sides are, against each other and
 * against the agreement's verdict, and suggests agreement edits. Routes: src/http/routes/quiz-router.ts.
 */

const count = z.number().int().nonnegative();
/** A round id (digits, as a string). */
export const quizRoundIdSchema = z.string().regex(/^[1-9]\d{0,17}$/, 'expected a round id');
/** A lead's key inside its round (`1` .. `size`): not the HubSpot record id, which would reveal the card's grade. */
export const quizLeadKeySchema = z.string().regex(/^[1-9]\d{0,2}$/, 'expected a lead key of this round');
/** A sentence in English and Japanese, from the one dictionary (src/domain/i18n). */
const bilingual = z.object({ en: z.string(), ja: z.string() });
/** Largest sample a round may ask for, and the default. */
export const QUIZ_SIZE = { min: 4, default: 20, max: 50 } as const;

/** Who the lead is: one property a fit rule of the agreement reads, with its stored value (no points). */
export const quizFactSchema = z.object({
  /** The HubSpot property (`jobtitle`, `company.numberofemployees`). */
  property: z.string(),
  /** What the agreement calls it (the fit rule's label). */
  label: z.string(),
  /** The stored value as HubSpot sent it; null when the contact has none. */
  value: z.string().nullable(),
});

/** What the lead did: one signal of the agreement found on the contact, with when (no points, no decay). */
export const quizActionSchema = z.object({
  /** The property that shows it (`recent_conversion_event_name`, `webinar_survey_answered_at`). */
  property: z.string(),
  /** The signal's label in the agreement ("Answered the webinar survey"). */
  label: z.string(),
  /** The stored value that matched (a form name, a date); null when the property was only known. */
  value: z.string().nullable(),
  /** When it happened (the signal's `at` property); null when the date is unknown. */
  at: instantSchema.nullable(),
});

/** A lead as every participant sees it while the round is open: no grade, tier, score, stage or record id. */
export const quizBlindLeadSchema = z.object({
  leadKey: quizLeadKeySchema,
  /** 1-based order in which the round shows its leads (the same for everyone). */
  position: z.number().int().positive(),
  facts: z.array(quizFactSchema),
  /** Newest first. */
  actions: z.array(quizActionSchema),
});

/** One answer: should sales call this lead this month? */
export const quizAnswerSchema = z.object({ leadKey: quizLeadKeySchema, callThisMonth: z.boolean() });

/** A round without its leads, as listed. */
export const quizRoundSummarySchema = z.object({
  id: quizRoundIdSchema,
  /** `open`: answers accepted; `closed`: the result is final. */
  status: z.enum(['open', 'closed']),
  /** How many leads the round shows. */
  size: count,
  /** The active agreement version whose verdicts the round snapshotted at start. */
  agreementVersion: z.number().int().positive(),
  startedAt: instantSchema,
  /** HubSpot user id of who started it. */
  startedBy: z.string(),
  /** Their name from HubSpot's owners; null (or absent, from older servers) when HubSpot has none: show the id. */
  startedByName: z.string().nullable().optional(),
  closedAt: instantSchema.nullable(),
  closedBy: z.string().nullable(),
  /** How many people of each side have answered at least one lead. */
  participants: z.object({ marketing: count, sales: count }),
});

/** `GET /api/quiz/rounds`: newest first (the 50 newest). */
export const quizRoundListSchema = z.object({ rounds: z.array(quizRoundSummarySchema) });

/** The signed user, and the side their answers count for. */
export const quizViewerSchema = z.object({
  userId: z.string(),
  /** The sides the team mapping puts them on (empty: in no mapped team, may not answer). */
  sides: z.array(sideSchema),
  /** The side their answers in this round are stored under (their first answer fixed it); null before it. */
  answeredAs: sideSchema.nullable(),
  canAnswer: z.boolean(),
  /** Why not: `no_team` (in no marketing or sales team), `closed` (the round is closed). */
  reason: z.enum(['no_team', 'closed']).optional(),
});

/** `GET /api/quiz/rounds/:id` (and the answer of PUT .../answers): the blind leads and the caller's own answers. */
export const quizRoundViewSchema = z.object({
  round: quizRoundSummarySchema,
  leads: z.array(quizBlindLeadSchema),
  /** The caller's answers so far (any subset of the leads, in lead order). */
  myAnswers: z.array(quizAnswerSchema),
  viewer: quizViewerSchema,
});

/** `POST /api/quiz/rounds`: start a round on the portal's recent leads. */
export const quizStartRequestSchema = z
  .object({
    /** How many leads (default 20). */
    size: z.number().int().min(QUIZ_SIZE.min).max(QUIZ_SIZE.max).optional(),
    requestId: requestIdSchema.optional(),
  })
  .strict();

/** `PUT /api/quiz/rounds/:id/answers`: set (or change) some of the caller's answers; others stay. */
export const quizAnswersRequestSchema = z
  .object({
    requestId: requestIdSchema.optional(),
    /** For a user on both sides: which side they answer for (their first answer fixes it for the round). */
    actingAs: sideSchema.optional(),
    answers: z.array(quizAnswerSchema).min(1).max(QUIZ_SIZE.max),
  })
  .strict();

/** `POST /api/quiz/rounds/:id/close` (answers with the result). */
export const quizCloseRequestSchema = z.object({ requestId: requestIdSchema.optional() }).strict();

/** `POST /api/quiz/rounds/:id/suggestions/:n/apply`: write suggestion `n` into the draft. */
export const quizApplyRequestSchema = z.object({ requestId: requestIdSchema.optional() }).strict();

/** The 2x2 table of two raters over the leads both answered: first rater's answer, then the second's. */
export const quizTableSchema = z.object({ yesYes: count, yesNo: count, noYes: count, noNo: count });

/** How two raters agree: raw agreement in percent and Cohen's kappa with its 95% interval. */
export const quizAgreementStatsSchema = z.object({
  /** Leads both raters answered. */
  leads: count,
  table: quizTableSchema,
  /** Share of those leads with the same answer, 0..100. */
  percent: z.number().min(0).max(100),
  /** Cohen's kappa; null when undefined (both raters gave one and the same answer to every lead). */
  kappa: z.number().nullable(),
  /** Its standard error (Fleiss, Cohen & Everitt 1969, large-sample); null with kappa or fewer than 2 leads. */
  standardError: z.number().nonnegative().nullable(),
  /** kappa ± 1.96 SE, clipped to [-1, 1]; null with standardError. */
  low: z.number().nullable(),
  high: z.number().nullable(),
});

/** One person's lean, as in the essay: the share of leads they would have sales call. */
export const quizParticipantSchema = z.object({
  userId: z.string(),
  /** Their name from HubSpot's owners; null (or absent, from older servers) when HubSpot has none: show the id. */
  name: z.string().nullable().optional(),
  side: sideSchema,
  answered: count,
  yes: count,
  /** yes / answered, 0..1. */
  lean: z.number().min(0).max(1),
});

/** A side's lean: all its members' answers pooled; `majorityYes` counts leads its majority would call. */
export const quizSideLeanSchema = z.object({
  participants: count,
  answers: count,
  yes: count,
  /** yes / answers, 0..1; null when the side gave no answer. */
  lean: z.number().min(0).max(1).nullable(),
  /** Leads the side's majority answered (a tie counts as no answer, see `majority`). */
  leads: count,
  majorityYes: count,
});

/** A side's answer to one lead: its members' yes and no, and the majority (null on a tie or with no answer). */
export const quizSideAnswerSchema = z.object({ yes: count, no: count, majority: z.boolean().nullable() });

/** A lead after the round is closed: the blind view, every side's answers and the agreement's verdict. */
export const quizRevealedLeadSchema = quizBlindLeadSchema.extend({
  contactId: objectIdSchema,
  marketing: quizSideAnswerSchema,
  sales: quizSideAnswerSchema,
  /** The agreement's verdict when the round started (the snapshot, not today's). */
  verdict: z.object({ salesReady: z.boolean(), grade: gradeSchema, tier: tierSchema, score: z.number() }),
  /** The sides' majorities differ (both known). Filter on it for the list of disagreements. */
  disagree: z.boolean(),
  /** Each side's majority differs from the verdict (null: that side has no majority here). */
  againstVerdict: z.object({ marketing: z.boolean().nullable(), sales: z.boolean().nullable() }),
  /** The matched criteria that drove the verdict, most points first (fit rules, signals, disqualifiers). */
  drivers: z.array(criterionSchema),
});

/** An agreement edit, as the domain applies it to a draft. */
export const quizPatchSchema = z.discriminatedUnion('kind', [
  /** Set the points of intent signal `signalId`. */
  z.object({ kind: z.literal('signal_points'), signalId: z.string(), from: z.number(), to: z.number() }),
  /** Set the points of fit rule `ruleId`: its band/keyword group `option` (0-based), or its own points (null). */
  z.object({
    kind: z.literal('fit_points'),
    ruleId: z.string(),
    option: z.number().int().nonnegative().nullable(),
    from: z.number(),
    to: z.number(),
  }),
  /** Add `grade` to (`salesReady: true`) or remove it from handoff.salesReady. */
  z.object({ kind: z.literal('handoff'), grade: gradeSchema, salesReady: z.boolean() }),
]);

/** A suggested edit that would reduce the disagreement, with the evidence behind it. */
export const quizSuggestionSchema = z.object({
  /** 1-based; the `:n` of the apply route. */
  n: z.number().int().positive(),
  patch: quizPatchSchema,
  /** The side whose answers it follows, what that side said, and to how many of how many leads. */
  evidence: z.object({ side: sideSchema, said: z.enum(['yes', 'no']), count, of: count }),
  /** "Sales said no to 5 of 6 leads handed mainly for Answered the webinar survey: lower its points from 35 to 15." */
  text: bilingual,
});

/**
 * `GET /api/quiz/rounds/:id/result` (and the answer of close). Only a closed round has one: an open round answers
 * 409, so nobody sees the agreement's verdicts while people are still answering.
 */
export const quizResultSchema = z.object({
  round: quizRoundSummarySchema,
  /** Only one side answered: `answeredSide` says which, and there is no between-sides agreement. */
  oneSided: z.boolean(),
  answeredSide: sideSchema.nullable(),
  participants: z.array(quizParticipantSchema),
  sides: z.object({ marketing: quizSideLeanSchema, sales: quizSideLeanSchema }),
  /** Marketing's majority (first) against sales' (second) over the leads both have one for; null when one-sided. */
  betweenSides: quizAgreementStatsSchema.nullable(),
  /** Each side's majority (first) against the agreement's verdict (second); null for a side with no answers. */
  vsVerdict: z.object({
    marketing: quizAgreementStatsSchema.nullable(),
    sales: quizAgreementStatsSchema.nullable(),
  }),
  /** Every lead, revealed, in round order. */
  leads: z.array(quizRevealedLeadSchema),
  suggestions: z.array(quizSuggestionSchema),
});

/** `POST /api/quiz/rounds/:id/suggestions/:n/apply` answer: the draft the suggestion was saved into. */
export const quizApplyResponseSchema = z.object({ draft: versionSchema, applied: quizSuggestionSchema });

export type QuizFact = z.infer<typeof quizFactSchema>;
export type QuizAction = z.infer<typeof quizActionSchema>;
export type QuizBlindLead = z.infer<typeof quizBlindLeadSchema>;
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
export type QuizRoundSummary = z.infer<typeof quizRoundSummarySchema>;
export type QuizRoundList = z.infer<typeof quizRoundListSchema>;
export type QuizViewer = z.infer<typeof quizViewerSchema>;
export type QuizRoundView = z.infer<typeof quizRoundViewSchema>;
export type QuizStartRequest = z.infer<typeof quizStartRequestSchema>;
export type QuizAnswersRequest = z.infer<typeof quizAnswersRequestSchema>;
export type QuizCloseRequest = z.infer<typeof quizCloseRequestSchema>;
export type QuizApplyRequest = z.infer<typeof quizApplyRequestSchema>;
export type QuizTable = z.infer<typeof quizTableSchema>;
export type QuizAgreementStats = z.infer<typeof quizAgreementStatsSchema>;
export type QuizParticipant = z.infer<typeof quizParticipantSchema>;
export type QuizSideLean = z.infer<typeof quizSideLeanSchema>;
export type QuizSideAnswer = z.infer<typeof quizSideAnswerSchema>;
export type QuizRevealedLead = z.infer<typeof quizRevealedLeadSchema>;
export type QuizPatch = z.infer<typeof quizPatchSchema>;
export type QuizSuggestion = z.infer<typeof quizSuggestionSchema>;
export type QuizResult = z.infer<typeof quizResultSchema>;
export type QuizApplyResponse = z.infer<typeof quizApplyResponseSchema>;
