import { z } from 'zod';

/** The audit action of a change of team mapping. */
export const MAPPING_CHANGED_ACTION = 'settings.team_mapping_changed';
/** Changes the settings page lists: a mapping changes a few times a year. */
export const MAPPING_HISTORY_SIZE = 20;

const mapping = z.object({ marketingTeamIds: z.array(z.string()), salesTeamIds: z.array(z.string()) });
type StoredMapping = z.infer<typeof mapping>;

/** One change of the mapping as the audit log keeps it. */
export interface MappingHistoryEntry {
  at: number;
  userId: string;
  email: string | null;
  before: StoredMapping;
  after: StoredMapping;
  sentBack: number[];
}

/** The audit log as the history reads it: a portal's latest entries of some actions, newest first. */
export interface AuditReader {
  list(
    portalId: string,
    limit: number,
    actions: readonly string[],
  ): Promise<{ actor: string; details: Record<string, unknown>; at: number }[]>;
}

const details = z.object({
  email: z.string().nullable().catch(null),
  before: mapping,
  after: mapping,
  sentBack: z.array(z.number()).catch([]),
});

/** The portal's latest changes of team mapping, newest first: who, when, before and after, proposals sent back. */
export async function teamMappingHistory(
  audit: AuditReader,
  portalId: string,
): Promise<MappingHistoryEntry[]> {
  const entries = await audit.list(portalId, MAPPING_HISTORY_SIZE, [MAPPING_CHANGED_ACTION]);
  return entries.map((entry) => ({ at: entry.at, userId: entry.actor, ...details.parse(entry.details) }));
}
