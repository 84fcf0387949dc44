import { GRADES, ROUTES, STAGES, type Route } from '../../domain/agreement-schema';
import type { HandoffEvent } from '../../domain/report/report-input';
import type { ReportReadsPort, ReportWindow } from '../ports/report-reads';
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
  reads: Pick<ReportReadsPort, 'leadEvents'>,
  portalId: string,
  window: ReportWindow,
): Promise<{ handoffs: HandoffEvent[]; recycles: StoredRecycle[] }> {
  const rows = await reads.leadEvents(portalId, window);
  const handoffs = new Map<string, HandoffEvent>();
  const recycles = new Map<string, StoredRecycle>();
  for (const row of rows) {
    const qualifiedAt = row.qualifiedAt;
    if (row.tier === 'recycled') {
      const at = Number(row.recycledAt);
      const key = `${row.contactId}@${at}`;
      if (!recycles.has(key))
        recycles.set(key, {
          contactId: row.contactId,
          at,
          qualifiedAt,
          slaStatus: row.slaStatus,
          storedCause: row.recycleCause,
        });
      continue;
    }
    const key = `${row.contactId}@${qualifiedAt}`;
    if (handoffs.has(key)) continue;
    handoffs.set(key, {
      contactId: row.contactId,
      at: Number(qualifiedAt),
      grade: storedValue(GRADES, row.grade, 'qualification_history.grade'),
      score: row.score,
      stage: storedValue(STAGES, row.stage, 'qualification_history.stage'),
      version: row.agreementVersion,
      ownerId: null,
      dueAt: row.followUpDue,
      ...((ROUTES as readonly string[]).includes(row.route ?? '') ? { route: row.route as Route } : {}),
    });
  }
  return { handoffs: [...handoffs.values()], recycles: [...recycles.values()] };
}
