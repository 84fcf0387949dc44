import type { Agreement } from '../../domain/agreement-schema';
import type { MonthLeadCounts } from '../../domain/report/report-input';
import type { LeadsPort } from '../ports/leads';
import type { ReportWindow } from '../ports/report-reads';

/**
 * The report month's HubSpot Lead counts, or undefined when Leads are off for it: the agreement in force at the
 * month's end does not create Leads and no Lead was created, worked, disqualified or converted during the month.
 */
export async function loadLeadCounts(
  leads: Pick<LeadsPort, 'countsBetween'>,
  portalId: string,
  window: Pick<ReportWindow, 'monthStart' | 'end'>,
  inForce: Agreement | null,
): Promise<MonthLeadCounts | undefined> {
  const counts = await leads.countsBetween(portalId, window.monthStart, window.end);
  const disqualified = Object.values(counts.disqualifiedByReason).some((n) => n > 0);
  const any = counts.created + counts.worked + counts.converted > 0 || disqualified;
  return any || inForce?.handoff.createLeads === true ? counts : undefined;
}
