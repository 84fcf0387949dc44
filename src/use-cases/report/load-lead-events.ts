import { GRADES, STAGES } from '../../domain/agreement-schema';
import type { HandoffEvent } from '../../domain/report/report-input';
import type { ReportDb } from './report-db';
import type { ReportWindow } from './report-window';
import { storedValue } from './stored-value';

/** A contact recycled at `at`, with what the report needs to tell why. */
export interface StoredRecycle {
  contactId: string;
  at: number;
  qualifiedAt: number | null;
  slaStatus: string | null;
  /** The cause recorded when it was recycled (migration 002); null on rows written before. */
  storedCause: string | null;
}

/**
 * In one pass over the history: sales-ready handoffs whose `qualified_at` falls in the window (owners come
 * later from the contact snapshot) and recycles of the report month; each once, from its first history row.
 * Both are bounded by the months' capacity.
 */
export async function loadLeadEvents(
  { db }: ReportDb,
  portalId: string,
  window: ReportWindow,
): Promise<{ handoffs: HandoffEvent[]; recycles: StoredRecycle[] }> {
  const rows = await db
    .selectFrom('qualification_history')
    .select(['contact_id', 'tier', 'qualified_at', 'recycled_at', 'sla_status', 'grade', 'score', 'stage'])
    .select(['agreement_version', 'follow_up_due', 'recycle_cause'])
    .where('portal_id', '=', portalId)
    // A row is written when (or after) it qualifies or recycles: the bound lets the report index skip older months.
    .where('at', '>=', window.start)
    // Redundant with the branches below, but lets an index on (portal_id, tier, ...) narrow the read.
    .where('tier', 'in', ['sales_ready', 'recycled'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('tier', '=', 'sales_ready'),
          eb('qualified_at', '>=', window.start),
          eb('qualified_at', '<', window.end),
        ]),
        eb.and([
          eb('tier', '=', 'recycled'),
          eb('recycled_at', '>=', window.monthStart),
          eb('recycled_at', '<', window.end),
        ]),
      ]),
    )
    .orderBy('id')
    .execute();
  const handoffs = new Map<string, HandoffEvent>();
  const recycles = new Map<string, StoredRecycle>();
  for (const row of rows) {
    const qualifiedAt = row.qualified_at === null ? null : Number(row.qualified_at);
    if (row.tier === 'recycled') {
      const at = Number(row.recycled_at);
      const key = `${row.contact_id}@${at}`;
      if (!recycles.has(key))
        recycles.set(key, {
          contactId: row.contact_id,
          at,
          qualifiedAt,
          slaStatus: row.sla_status,
          storedCause: row.recycle_cause,
        });
      continue;
    }
    const key = `${row.contact_id}@${qualifiedAt}`;
    if (handoffs.has(key)) continue;
    handoffs.set(key, {
      contactId: row.contact_id,
      at: Number(qualifiedAt),
      grade: storedValue(GRADES, row.grade, 'qualification_history.grade'),
      score: row.score,
      stage: storedValue(STAGES, row.stage, 'qualification_history.stage'),
      version: row.agreement_version,
      ownerId: null,
      dueAt: row.follow_up_due === null ? null : Number(row.follow_up_due),
    });
  }
  return { handoffs: [...handoffs.values()], recycles: [...recycles.values()] };
}
