import { GRADES, STAGES } from '../../domain/agreement-schema';
import type { ContactEvent, HandoffEvent } from '../../domain/report/report-input';
import type { ReportDb } from './report-db';
import type { ReportWindow } from './report-window';
import { scoredCriteria } from './scored-criteria';
import { storedValue } from './stored-value';

/**
 * Sales-ready handoffs whose `qualified_at` falls in the window (one per contact and qualified_at, its
 * first history row), without owners (the contact snapshot has them). Bounded by the months' capacity.
 */
export async function loadHandoffs(
  { db }: ReportDb,
  portalId: string,
  window: ReportWindow,
): Promise<HandoffEvent[]> {
  const rows = await db
    .selectFrom('qualification_history')
    .select([
      'id',
      'contact_id',
      'qualified_at',
      'grade',
      'score',
      'stage',
      'agreement_version',
      'follow_up_due',
      'criteria',
    ])
    .where('portal_id', '=', portalId)
    .where('tier', '=', 'sales_ready')
    .where('qualified_at', '>=', window.start)
    .where('qualified_at', '<', window.end)
    .orderBy('id')
    .execute();
  const first = new Map<string, HandoffEvent>();
  for (const row of rows) {
    const key = `${row.contact_id}@${row.qualified_at}`;
    if (first.has(key)) continue;
    first.set(key, {
      contactId: row.contact_id,
      at: Number(row.qualified_at),
      grade: storedValue(GRADES, row.grade, 'qualification_history.grade'),
      score: row.score,
      stage: storedValue(STAGES, row.stage, 'qualification_history.stage'),
      version: row.agreement_version,
      signals: scoredCriteria(row.criteria, 'qualification_history.criteria').signals,
      ownerId: null,
      dueAt: row.follow_up_due === null ? null : Number(row.follow_up_due),
    });
  }
  return [...first.values()];
}

/** When each of `contactIds` had its SLA breached (history rows with sla_status `breached`). */
export async function loadSlaBreaches(
  { db }: ReportDb,
  portalId: string,
  contactIds: readonly string[],
  since: number,
): Promise<ContactEvent[]> {
  const events: ContactEvent[] = [];
  for (let i = 0; i < contactIds.length; i += 500) {
    const rows = await db
      .selectFrom('qualification_history')
      .select(['contact_id', (eb) => eb.fn.min('at').as('at')])
      .where('portal_id', '=', portalId)
      .where('contact_id', 'in', contactIds.slice(i, i + 500))
      .where('sla_status', '=', 'breached')
      .where('at', '>=', since)
      .groupBy(['contact_id', 'qualified_at'])
      .execute();
    events.push(...rows.map((row) => ({ contactId: row.contact_id, at: Number(row.at) })));
  }
  return events;
}
