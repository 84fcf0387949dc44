import nock from 'nock';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { fixture } from '../../hubspot/fixture';
import { stubActiveOwners, stubArchivedOwners } from '../../hubspot/owner-stubs';
import { PORTAL as SEEDED_PORTAL, seedNovember } from '../../use-cases/report/seed-november';
import { addActiveAgreement, addContacts, addHistory } from '../../use-cases/report/seed-store';
import { ROUTES_PORTAL, seedRouteCaps } from '../../use-cases/report/seed-route-caps';
import { PORTAL_B, startApi, type Api } from './api-harness';
import { connectPortal } from './api-seed';
import type { Recorded } from './recorded-fixture';
import { databaseOf } from '../../../src/store/create-store';

const HUBSPOT = 'https://api.hubapi.com';

/** A portal whose November leads scored by "doc-request" all stayed leads while half the others converted. */
const FLAGGED_PORTAL = '43';

async function seedFlagged(api: Api): Promise<void> {
  const { db } = databaseOf(api.store);
  await addActiveAgreement(db, FLAGGED_PORTAL);
  const contacts: Record<string, Record<string, string>> = {};
  const rows: Parameters<typeof addHistory>[2] = [];
  for (let i = 0; i < 40; i += 1) {
    const id = `f${i}`;
    const docRequest = i < 20;
    contacts[id] = { lifecyclestage: !docRequest && i % 2 === 0 ? 'opportunity' : 'lead' };
    rows.push({
      contact: id,
      at: `2026-11-${String(1 + (i % 25)).padStart(2, '0')}T10:00`,
      tier: 'nurture',
      grade: 'C3',
      stage: 'interest',
      reason: 'grade',
      criteria: [
        ['fit', 'role', 15],
        ['signal', 'doc-request', docRequest ? 20 : 0],
      ],
    });
  }
  await addContacts(db, FLAGGED_PORTAL, contacts);
  await addHistory(db, FLAGGED_PORTAL, rows);
}

/**
 * `GET /api/report` answers of the real handler (fixed clock 2026-11-27, fresh SQLite) for the settings page's
 * report tab: the hand-computed November of test/use-cases/report (little history), a portal with an evidence
 * flag, a connected portal with nothing yet, a portal capping routes with leads held back
 * (test/use-cases/report/seed-route-caps.ts), and a month the server refuses.
 */
export async function recordReportResponses(): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  if (!nock.isActive()) nock.activate();
  const record = async (api: Api, name: string, portalId: number, month: string) => {
    const res = await api.call('GET', `/api/report?month=${month}`, { portalId, user: 'm1' });
    recorded.push({ area: 'settings', name, status: res.status, body: await res.json() });
  };
  await withApi(async (api) => {
    const take = (name: string, portalId: number, month: string) => record(api, name, portalId, month);
    await seedNovember(databaseOf(api.store));
    await seedFlagged(api);
    await seedRouteCaps(databaseOf(api.store).db);
    await connectPortal(api, PORTAL_B);
    // The reps' names from HubSpot's owners (nock): one on two pages of active owners, one deactivated since.
    stubActiveOwners(HUBSPOT);
    stubArchivedOwners(HUBSPOT);
    await take('report-november', Number(SEEDED_PORTAL), '2026-11');
    await take('report-flagged', Number(FLAGGED_PORTAL), '2026-11');
    await take('report-empty', PORTAL_B, '2026-11');
    // Field sales capped at 2 in November (3 in October), inside sales at 4: handoffs and leads held back per route.
    await take('report-route-caps', Number(ROUTES_PORTAL), '2026-11');
    await take('report-bad-month', Number(SEEDED_PORTAL), '2026-13');
  });
  // The same November where the token lacks crm.objects.owners.read: the reps by owner id, and why.
  await withApi(async (api) => {
    await seedNovember(databaseOf(api.store));
    nock(HUBSPOT).get('/crm/v3/owners/').query(true).reply(403, fixture('error-403-missing-scopes'));
    await record(api, 'report-owner-names-missing-scope', Number(SEEDED_PORTAL), '2026-11');
  });
  nock.restore(); // the worker is left as found for the next test file (as test/hubspot/use-nock.ts does)
  return recorded;
}

/** A fresh API whose HubSpot is nock; every stub must be used, and nock is left as found. */
async function withApi(fn: (api: Api) => Promise<void>): Promise<void> {
  const api = await startApi({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: HUBSPOT }),
  });
  try {
    await fn(api);
    if (!nock.isDone()) throw new Error(`unused HubSpot stubs: ${nock.pendingMocks().join(', ')}`);
  } finally {
    nock.cleanAll();
    await api.close();
  }
}
