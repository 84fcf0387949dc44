import { z } from 'zod';

/** The one team-id parser: ids stored as strings, or as numbers by older versions, read as strings. */
export const storedTeamIds = z.array(z.union([z.string(), z.number()])).transform((ids) => ids.map(String));

/** A team mapping stored as one JSON document (a proposal remembers the mapping it was made under). */
export const storedTeamMapping = z.object({ marketingTeamIds: storedTeamIds, salesTeamIds: storedTeamIds });
