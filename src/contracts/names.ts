import { z } from 'zod';

/** Why names could not be read: the token lacks the scope, HubSpot could not be reached, or HubSpot is not set up. */
export const NAMES_MISSING_REASONS = ['missing_scope', 'unreachable', 'not_configured'] as const;

/**
 * Where the names in an answer come from: HubSpot, or nowhere, in which case ids stand in for them and the UI says
 * why (`scope` is the HubSpot scope the names need, for the sentence that asks to grant it).
 */
export const namesStatusSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('hubspot') }),
  z.object({ source: z.literal('ids'), reason: z.enum(NAMES_MISSING_REASONS), scope: z.string() }),
]);

export type NamesStatus = z.infer<typeof namesStatusSchema>;
export type NamesMissingReason = (typeof NAMES_MISSING_REASONS)[number];
