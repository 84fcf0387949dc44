import { z } from 'zod';
import {
  gradeSchema,
  instantSchema,
  monthSchema,
  objectIdSchema,
  rejectReasonSchema,
  requestIdSchema,
  routeSchema,
  slaStatusSchema,
  stageSchema,
  tierSchema,
  verdictSchema,
} from './values';

/** One line of the explanation: a fit rule, an intent signal or a disqualifier, with the value it saw. */
export const criterionSchema = z.object({
  kind: z.enum(['fit', 'signal', 'disqualify']),
  id: z.string(),
  label: z.string(),
  property: z.string(),
  value: z.string().nullable(),
  outcome: z.enum(['matched', 'not_matched', 'unknown']),
  points: z.number(),
  ageDays: z.number().nullable().optional(),
  occurrences: z.number().int().optional(),
  note: z.enum(['missing', 'unparsable', 'date_unknown']).optional(),
  /** Keyword rules: the keyword that matched, or the one an exception cancelled ("部長", cancelled by "部長代理"). */
  keyword: z.object({ text: z.string(), cancelledBy: z.string().optional() }).optional(),
});

/** The agreement version that produced a verdict. */
export const agreementRefSchema = z.object({
  version: z.number().int().positive(),
  name: z.string(),
  approvedAt: instantSchema,
});

/** A rep's accept/reject, as stored. */
export const recordedVerdictSchema = z.object({
  verdict: verdictSchema,
  reason: rejectReasonSchema.nullable(),
  note: z.string().nullable(),
  at: instantSchema,
});

/** HubSpot's object type id of Leads: a Lead's record is `RECORD_APP_LINK` to `{ objectTypeId, objectId: leadId }`. */
export const LEAD_OBJECT_TYPE_ID = '0-136';

/** What Lead Pact wants of a handed-over Lead: open (just handed over), accepted by a rep, disqualified. */
export const WANTED_LEAD_VALUES = ['open', 'accepted', 'disqualified'] as const;
/** What Lead Pact is still to send to HubSpot about the Lead: create it, move it on (accepted), disqualify it. */
export const LEAD_PENDING_VALUES = ['create', 'accept', 'disqualify'] as const;

/**
 * The contact's latest Lead Pact handoff as a HubSpot Lead (agreements with `handoff.createLeads`): the rep's queue
 * item. Absent when the contact was never handed over as a Lead (Leads off, or not sales-ready yet).
 */
export const cardLeadSchema = z.object({
  /** HubSpot's Lead id; null until Lead Pact has created the Lead. */
  leadId: objectIdSchema.nullable(),
  name: z.string(),
  wanted: z.enum(WANTED_LEAD_VALUES),
  /**
   * The Lead's stage as HubSpot last reported it (null before the Lead exists). `label` is the portal's own name
   * for it, given when the stage is not one of HubSpot's default lead stages under its default name; for those
   * the card says the name in the rep's language.
   */
  stage: z.object({ id: z.string().min(1), label: z.string().nullable() }).nullable(),
  /** Someone deleted the Lead in HubSpot (a lead webhook): it has no stage and no record to open any more. */
  deleted: z.boolean(),
  /** The Lead's owner; `name` from HubSpot's owners (null when it could not be read). */
  owner: z.object({ id: z.string().min(1), name: z.string().nullable() }).nullable(),
  /** What Lead Pact has yet to send to HubSpot; null when HubSpot has it all (or refused it: `failed`). */
  pending: z.enum(LEAD_PENDING_VALUES).nullable(),
  /** HubSpot refused the Lead for good: its message. */
  failed: z.string().nullable(),
  /** Why Lead Pact disqualified the Lead (`rejected` on the card with the rep's words, `sla_no_touch`...). */
  disqualification: z.object({ reason: z.string().min(1), note: z.string().nullable() }).nullable(),
  /** When the contact was handed over (its qualification to sales-ready). */
  handedOverAt: instantSchema,
});

/** `GET /api/card` when the contact has been scored. */
export const scoredCardSchema = z.object({
  state: z.literal('scored'),
  objectId: objectIdSchema,
  portalTimezone: z.string().min(1),
  agreement: agreementRefSchema,
  tier: tierSchema,
  grade: gradeSchema,
  score: z.number().min(0).max(100),
  stage: stageSchema,
  route: routeSchema,
  tierReason: z.enum(['grade', 'disqualified', 'recycled', 'capacity']).nullable(),
  /**
   * A lead kept in nurture for capacity (`tierReason` "capacity"): the month that was full, the route whose own cap was
   * full (null: the month's total was), and that cap's places taken and available as the card is read ("Field sales
   * is full for December (10 of 10)"). Absent otherwise, for leads held back before the upgrade, and from older servers.
   */
  heldBack: z
    .object({
      month: monthSchema,
      route: routeSchema.nullable(),
      used: z.number().int().nonnegative(),
      capacity: z.number().int().nonnegative(),
    })
    .optional(),
  criteria: z.array(criterionSchema),
  /** Labels of the disqualify rules that matched (empty unless tier is `disqualified`). */
  disqualifiedBy: z.array(z.string()),
  qualifiedAt: instantSchema.nullable(),
  followUpDue: instantSchema.nullable(),
  slaStatus: slaStatusSchema.nullable(),
  verdict: recordedVerdictSchema.nullable(),
  scoredAt: instantSchema,
  /** The contact's HubSpot Lead, when Lead Pact handed it over as one. */
  lead: cardLeadSchema.optional(),
});

/** `GET /api/card?objectId=`: one of four deliberate states. */
export const cardResponseSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_connected') }),
  z.object({ state: z.literal('no_agreement') }),
  z.object({ state: z.literal('not_scored'), objectId: objectIdSchema, agreement: agreementRefSchema }),
  scoredCardSchema,
]);

/** `GET /api/card` query string. */
export const cardQuerySchema = z.object({ objectId: objectIdSchema });

/** `POST /api/card/verdict`: a rejection needs a reason, an acceptance has none. */
export const verdictRequestSchema = z
  .object({
    objectId: objectIdSchema,
    verdict: verdictSchema,
    reason: rejectReasonSchema.optional(),
    note: z.string().trim().max(1000, 'expected at most 1000 characters').optional(),
    requestId: requestIdSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.verdict === 'rejected' && body.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason' });
    }
    if (body.verdict === 'accepted' && body.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an acceptance takes no reason' });
    }
  });

/** `POST /api/card/verdict` answer: what was written to the contact. */
export const verdictResponseSchema = z.object({
  objectId: objectIdSchema,
  verdict: verdictSchema,
  tier: tierSchema,
});

/** `POST /api/card/score-now`: qualify this contact now; answers with the fresh card. */
export const scoreNowRequestSchema = z
  .object({ objectId: objectIdSchema, requestId: requestIdSchema.optional() })
  .strict();
export const scoreNowResponseSchema = cardResponseSchema;

export type Criterion = z.infer<typeof criterionSchema>;
export type AgreementRef = z.infer<typeof agreementRefSchema>;
export type ScoredCard = z.infer<typeof scoredCardSchema>;
export type CardLead = z.infer<typeof cardLeadSchema>;
export type CardResponse = z.infer<typeof cardResponseSchema>;
export type VerdictRequest = z.infer<typeof verdictRequestSchema>;
export type VerdictResponse = z.infer<typeof verdictResponseSchema>;
export type ScoreNowRequest = z.infer<typeof scoreNowRequestSchema>;
