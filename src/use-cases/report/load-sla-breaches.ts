import type { ContactEvent } from '../../domain/report/report-input';
import type { ReportDb } from './report-db';

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
