import { z } from 'zod';
import type { AgreementInput } from '../domain/agreement-schema';
import { instantSchema, sideSchema } from './values';

/**
 * An agreement document (`lead-pact/agreement@1`). Only its schema tag is checked here: the server validates the
 * whole document with parseAgreement and answers 400 with paths relative to the document.
 */
export const agreementDocumentSchema = z.custom<AgreementInput>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    (value as { schema?: unknown }).schema === 'lead-pact/agreement@1',
  { message: 'expected a lead-pact/agreement@1 document' },
);

/** Who did something: a HubSpot user and the side their teams put them on. */
export const actorSchema = z.object({
  userId: z.number().int(),
  name: z.string().nullable(),
  side: sideSchema.nullable(),
});

/** One readable line of the diff between a version and the one before it. */
export const diffLineSchema = z.object({
  op: z.enum(['added', 'removed', 'changed']),
  path: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

/** Something that happened to a version. */
export const agreementEventSchema = z.object({
  type: z.enum(['proposed', 'approved', 'sent_back', 'superseded']),
  by: actorSchema.nullable(),
  at: instantSchema,
  /** The rationale of a proposal or the comment of a send-back. */
  text: z.string().nullable(),
});

/** One version in the history, newest first. */
export const historyEntrySchema = z.object({
  version: z.number().int().positive(),
  name: z.string(),
  status: z.enum(['active', 'superseded', 'proposed', 'sent_back']),
  events: z.array(agreementEventSchema),
  diff: z.array(diffLineSchema),
});

/** The working copy: being edited, proposed to the other side, or sent back to its author. */
export const draftSchema = z.object({
  agreement: agreementDocumentSchema,
  status: z.enum(['editing', 'proposed', 'sent_back']),
  updatedAt: instantSchema,
  proposedBy: actorSchema.nullable(),
  rationale: z.string().nullable(),
  sendBackComment: z.string().nullable(),
});

/** Who must act next: `propose` (the draft's side finishes and proposes), `review` (the other side approves or sends back). */
export const turnSchema = z.object({
  side: sideSchema.nullable(),
  action: z.enum(['propose', 'review', 'none']),
});

/** `GET /api/agreements` (and the answer of every agreements write). */
export const agreementsResponseSchema = z.object({
  active: z
    .object({
      version: z.number().int().positive(),
      agreement: agreementDocumentSchema,
      approvedAt: instantSchema,
      approvedBy: actorSchema.nullable(),
    })
    .nullable(),
  draft: draftSchema.nullable(),
  history: z.array(historyEntrySchema),
  turn: turnSchema,
  viewer: z.object({ userId: z.number().int(), side: sideSchema.nullable() }),
});

/** `PUT /api/agreements/draft`. */
export const putDraftRequestSchema = z.object({ agreement: z.unknown() }).strict();
/** `POST /api/agreements/propose`. */
export const proposeRequestSchema = z
  .object({ rationale: z.string().trim().min(1, 'say why (the other side reads this)').max(2000) })
  .strict();
/** `POST /api/agreements/approve`. */
export const approveRequestSchema = z.object({}).strict();
/** `POST /api/agreements/send-back`. */
export const sendBackRequestSchema = z
  .object({ comment: z.string().trim().min(1, 'say what should change').max(2000) })
  .strict();

/** `GET|PUT /api/settings/teams`: which HubSpot teams count as marketing and as sales. */
export const teamsSettingsSchema = z
  .object({
    marketingTeamIds: z.array(z.number().int()),
    salesTeamIds: z.array(z.number().int()),
  })
  .strict()
  .refine((t) => !t.marketingTeamIds.some((id) => t.salesTeamIds.includes(id)), {
    message: 'a team cannot be on both sides',
    path: ['salesTeamIds'],
  });
/** `GET /api/settings/teams` also lists the portal's teams to pick from. */
export const teamsResponseSchema = z.object({
  marketingTeamIds: z.array(z.number().int()),
  salesTeamIds: z.array(z.number().int()),
  teams: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

export type AgreementDocument = z.infer<typeof agreementDocumentSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type DiffLine = z.infer<typeof diffLineSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type Draft = z.infer<typeof draftSchema>;
export type Turn = z.infer<typeof turnSchema>;
export type AgreementsResponse = z.infer<typeof agreementsResponseSchema>;
export type TeamsSettings = z.infer<typeof teamsSettingsSchema>;
export type TeamsResponse = z.infer<typeof teamsResponseSchema>;
