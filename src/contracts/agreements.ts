import { z } from 'zod';
import type { AgreementInput } from '../domain/agreement-schema';
import { namesStatusSchema } from './names';
import { instantSchema, requestIdSchema, sideSchema } from './values';

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

/** What became of a version: draft -> proposed -> active (-> superseded), or sent_back. */
export const VERSION_STATUS_VALUES = ['draft', 'proposed', 'active', 'superseded', 'sent_back'] as const;

/** One readable change against the version it replaces (`fit.rules[company-size]: band >= 100 now 30 points, was 25`). */
export const diffLineSchema = z.object({
  path: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  text: z.string(),
});

/** A version without its document: who, when, why, what became of it and its diff. People are user ids or emails. */
export const versionSummarySchema = z.object({
  version: z.number().int().positive(),
  status: z.enum(VERSION_STATUS_VALUES),
  name: z.string(),
  createdBy: z.string().nullable(),
  createdAt: instantSchema,
  proposedBy: z.string().nullable(),
  proposedAt: instantSchema.nullable(),
  proposedSide: sideSchema.nullable(),
  rationale: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: instantSchema.nullable(),
  sentBackBy: z.string().nullable(),
  sentBackAt: instantSchema.nullable(),
  sentBackComment: z.string().nullable(),
  /** Present when the version was not sent back by a reviewer: `team_mapping_changed` (a super admin changed the teams). */
  sentBackReason: z.enum(['team_mapping_changed']).optional(),
  diff: z.array(diffLineSchema),
});

/** A version with its agreement document. */
export const versionSchema = versionSummarySchema.extend({ agreement: agreementDocumentSchema });

/** Whose move it is: `approve` (the other side reviews), `revise`, `propose`, or `none`; `text` says it in a sentence. */
export const nextStepSchema = z.object({
  side: sideSchema.nullable(),
  action: z.enum(['approve', 'revise', 'propose', 'none']),
  version: z.number().int().positive().nullable(),
  text: z.string(),
});

/** `GET /api/agreements` (and the answer of every agreements write). */
export const agreementsResponseSchema = z.object({
  active: versionSchema.nullable(),
  /** The newest version not yet active: a draft being edited, a proposal under review, or one sent back. */
  open: versionSchema.nullable(),
  /** The newest versions (a page of them, 10 unless `limit` says), or those older than the `cursor` asked for. */
  history: z.array(versionSummarySchema),
  /** Present when older versions exist: `GET /api/agreements?cursor=<it>` answers the next older page of `history`. */
  historyCursor: z.string().optional(),
  next: nextStepSchema,
  /** The signed user and the sides their HubSpot teams put them on (two: they must say which they act for). */
  viewer: z.object({ userId: z.string(), sides: z.array(sideSchema) }),
});

/** `GET /api/agreements` query: which page of the history (HubSpot's own appended parameters are ignored). */
export const agreementsQuerySchema = z.object({
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'expected the historyCursor of an earlier answer')
    .optional(),
  limit: z.coerce.number().int('expected a whole number').min(1).max(50).optional(),
});

const version = z.number().int().positive();
/** Which side a user on both sides acts for. */
const actingAs = sideSchema.optional();
/** Applied once however often hubspot.fetch delivers it (see requestIdSchema). */
const requestId = requestIdSchema.optional();

/** `PUT /api/agreements/draft`: save the editor's document (as a new draft, or over draft `version`). */
export const putDraftRequestSchema = z
  .object({ agreement: z.unknown(), version: version.optional(), requestId })
  .strict();
/** `POST /api/agreements/propose`. */
export const proposeRequestSchema = z
  .object({
    version,
    rationale: z.string().trim().min(1, 'say why (the other side reads this)').max(2000),
    actingAs,
    requestId,
  })
  .strict();
/** `POST /api/agreements/approve`. */
export const approveRequestSchema = z.object({ version, actingAs, requestId }).strict();
/** `POST /api/agreements/send-back`. */
export const sendBackRequestSchema = z
  .object({
    version,
    comment: z.string().trim().min(1, 'say what should change').max(2000),
    actingAs,
    requestId,
  })
  .strict();

/** A HubSpot team id, as a string. */
const teamId = z.string().regex(/^\d+$/, 'expected a team id');

/** `GET|PUT /api/settings/teams`: which HubSpot teams count as marketing and as sales. */
export const teamsSettingsSchema = z
  .object({
    marketingTeamIds: z.array(teamId),
    salesTeamIds: z.array(teamId),
    requestId,
  })
  .strict()
  .refine((t) => !t.marketingTeamIds.some((id) => t.salesTeamIds.includes(id)), {
    message: 'a team cannot be on both sides',
    path: ['salesTeamIds'],
  });
/** A mapping without the request id: which teams are marketing and which sales. */
const teamMappingSchema = z.object({ marketingTeamIds: z.array(teamId), salesTeamIds: z.array(teamId) });

/**
 * Who may change the mapping (HubSpot super admins only) and whether the signed user may: when not, `reason` says
 * why: `not_super_admin`, or `users_unreadable` (HubSpot's users API could not be asked: a missing scope, an outage).
 */
export const teamsEditingSchema = z.object({
  allowed: z.boolean(),
  reason: z.enum(['not_super_admin', 'users_unreadable']).optional(),
});

/** One change of the mapping: who (HubSpot user id, email from the signed URL), when, before and after, proposals sent back. */
export const teamMappingChangeSchema = z.object({
  at: instantSchema,
  userId: z.string(),
  email: z.string().nullable(),
  before: teamMappingSchema,
  after: teamMappingSchema,
  sentBack: z.array(z.number().int().positive()),
});

/**
 * `GET /api/settings/teams` also lists the portal's teams to pick from, with HubSpot's names. When a name cannot be
 * read, `name` is the id, `named` is false, and `names` says why. `editing` says whether the signed user may change
 * the mapping and `history` lists its latest changes, newest first (both absent from older servers).
 */
export const teamsResponseSchema = teamMappingSchema.extend({
  teams: z.array(z.object({ id: teamId, name: z.string(), named: z.boolean().optional() })),
  names: namesStatusSchema.optional(),
  editing: teamsEditingSchema.optional(),
  history: z.array(teamMappingChangeSchema).optional(),
  /** On the answer to a `PUT` that changed the mapping: the proposals it sent back for review again. */
  sentBack: z.array(z.number().int().positive()).optional(),
});

export type AgreementDocument = z.infer<typeof agreementDocumentSchema>;
export type VersionStatus = (typeof VERSION_STATUS_VALUES)[number];
export type DiffLine = z.infer<typeof diffLineSchema>;
export type VersionSummary = z.infer<typeof versionSummarySchema>;
export type Version = z.infer<typeof versionSchema>;
export type NextStep = z.infer<typeof nextStepSchema>;
export type AgreementsResponse = z.infer<typeof agreementsResponseSchema>;
export type AgreementsQuery = z.infer<typeof agreementsQuerySchema>;
export type PutDraftRequest = z.infer<typeof putDraftRequestSchema>;
export type ProposeRequest = z.infer<typeof proposeRequestSchema>;
export type ApproveRequest = z.infer<typeof approveRequestSchema>;
export type SendBackRequest = z.infer<typeof sendBackRequestSchema>;
export type TeamsSettings = z.infer<typeof teamsSettingsSchema>;
export type TeamsResponse = z.infer<typeof teamsResponseSchema>;
export type TeamsEditing = z.infer<typeof teamsEditingSchema>;
export type TeamMappingChange = z.infer<typeof teamMappingChangeSchema>;
