import type { ContactEvent } from '../../domain/report/report-input';
import type { ReportReadsPort } from '../ports/report-reads';

/** Contacts per read: the `in (...)` list stays well under both engines' parameter limits. */
const CHUNK = 500;

/** When each of `contactIds` had its SLA breached (history rows with sla_status `breached`). */
export async function loadSlaBreaches(
  reads: Pick<ReportReadsPort, 'slaBreaches'>,
  portalId: string,
  contactIds: readonly string[],
  since: number,
): Promise<ContactEvent[]> {
  const events: ContactEvent[] = [];
  for (let i = 0; i < contactIds.length; i += CHUNK) {
    events.push(...(await reads.slaBreaches(portalId, contactIds.slice(i, i + CHUNK), since)));
  }
  return events;
}
