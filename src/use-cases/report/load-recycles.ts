import type { ReportDb } from './report-db';

/** A contact recycled at `at`, with what the report needs to tell why. */
export interface StoredRecycle {
  contactId: string;
  at: number;
  qualifiedAt: number | null;
  slaStatus: string | null;
}

/** Contacts recycled in [start, end): one per contact and recycle time (its first history row). */
export async function loadRecycles(
  { db }: ReportDb,
  portalId: string,
  range: { start: number; end: number },
): Promise<StoredRecycle[]> {
  const rows = await db
    .selectFrom('qualification_history')
    .select(['contact_id', 'recycled_at', 'qualified_at', 'sla_status'])
    .where('portal_id', '=', portalId)
    .where('tier', '=', 'recycled')
    .where('recycled_at', '>=', range.start)
    .where('recycled_at', '<', range.end)
    .orderBy('id')
    .execute();
  const first = new Map<string, StoredRecycle>();
  for (const row of rows) {
    const key = `${row.contact_id}@${row.recycled_at}`;
    if (first.has(key)) continue;
    first.set(key, {
      contactId: row.contact_id,
      at: Number(row.recycled_at),
      qualifiedAt: row.qualified_at === null ? null : Number(row.qualified_at),
      slaStatus: row.sla_status,
    });
  }
  return [...first.values()];
}
