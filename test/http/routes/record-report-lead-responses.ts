import { seedLeadsNovember } from '../../use-cases/report/seed-leads';
import { startApi } from './api-harness';
import type { Recorded } from './recorded-fixture';

/** A portal handing its sales-ready leads over as HubSpot Leads (handoff.createLeads). */
const LEADS_PORTAL = 44;

/**
 * `GET /api/report` of the real handler (fixed clock 2026-11-27, fresh SQLite, no HubSpot: reps by owner id) for the
 * report tab's HubSpot Leads section: November of test/use-cases/report/seed-leads.ts, in which 4 Leads were created,
 * 3 worked by a rep, 3 disqualified (rejected on the card, by a rep in HubSpot, never touched within the SLA) and 1
 * converted.
 */
export async function recordReportLeadResponses(): Promise<Recorded[]> {
  const api = await startApi();
  try {
    await seedLeadsNovember(api.store, String(LEADS_PORTAL));
    const res = await api.call('GET', '/api/report?month=2026-11', { portalId: LEADS_PORTAL, user: 'm1' });
    return [{ area: 'settings', name: 'report-leads', status: res.status, body: await res.json() }];
  } finally {
    await api.close();
  }
}
