import nock from 'nock';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { stubActiveOwners } from '../../hubspot/owner-stubs';
import { NOW, PORTAL_A, startApi, type Api } from './api-harness';
import { LEAD_DELETED_STAGE } from '../../../src/domain/lead-stages';
import {
  activateAgreement,
  connectPortal,
  CUSTOMER,
  DIRECTOR,
  EXAMPLE_AGREEMENT,
  storeContacts,
} from './api-seed';
import type { Recorded } from './recorded-fixture';

const HUBSPOT = 'https://api.hubapi.com';
const PORTAL = String(PORTAL_A);
/** Hana Sato, an active owner on the first page of HubSpot's owners (test/fixtures/hubspot/crm-owners-page-1). */
export const LEAD_OWNER_ID = '41629779';
/** The id HubSpot gave the director's Lead. */
export const LEAD_ID = '9001';

/** The example agreement with Leads on: every sales-ready handoff becomes a HubSpot Lead. */
const WITH_LEADS = {
  ...EXAMPLE_AGREEMENT,
  handoff: { ...EXAMPLE_AGREEMENT.handoff, createLeads: true },
};

/** The lead-sync's work as the store records it: HubSpot took what was claimed as `leadId` and answered `stage`. */
async function synced(api: Api, stage: string, leadId = LEAD_ID): Promise<void> {
  const [claimed] = await api.store.leads.claimDue(PORTAL, NOW, 10, 60_000);
  await api.store.leads.markSynced(PORTAL, claimed!, leadId, stage, NOW);
}

/**
 * `GET /api/card` answers of the real card routes (fixed clock, fresh SQLite, HubSpot's owners by nock) for the
 * card's Lead section. The example agreement with `handoff.createLeads`; the director (sales-ready A2) is handed over
 * as a Lead owned by Hana Sato, then:
 *   card-lead-creating: not in HubSpot yet; card-lead-new: created (New);
 *   the rep accepts (verdict-lead-accepted) -> card-lead-accepted: moving on; card-lead-attempting: moved;
 *   the rep rejects with a note -> card-lead-rejected: being disqualified with the reason;
 *   HubSpot refuses the move for good -> card-lead-refused;
 * the customer's Lead of a month ago, deleted in HubSpot since -> card-lead-deleted;
 * a second director whose Lead the rep already moved to Connected -> card-lead-worked, accepted ->
 * card-lead-worked-accepted.
 * The handoff is recorded before the director is scored, as the handoff would, so the answers stay the same
 * whichever step opens it.
 */
export async function recordCardLeadResponses(): Promise<Recorded[]> {
  if (!nock.isActive()) nock.activate();
  const api = await startApi({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: HUBSPOT }),
  });
  const recorded: Recorded[] = [];
  const take = async (name: string, response: Promise<Response>) => {
    const res = await response;
    recorded.push({ area: 'card', name, status: res.status, body: await res.json() });
  };
  const cardOf = (contactId: string) =>
    api.call('GET', `/api/card?objectId=${contactId}`, { portalId: PORTAL_A, user: 's1' });
  const verdictOn = (contactId: string, body: object) =>
    api.call('POST', '/api/card/verdict', {
      portalId: PORTAL_A,
      user: 's1',
      body: { objectId: contactId, ...body },
    });
  const scoreNow = (contactId: string) =>
    api.call('POST', '/api/card/score-now', {
      portalId: PORTAL_A,
      user: 's1',
      body: { objectId: contactId },
    });
  const card = () => cardOf(DIRECTOR.id);
  const verdict = (body: object) => verdictOn(DIRECTOR.id, body);
  try {
    // HubSpot's owners, read once per portal and kept (src/use-cases/names/owner-names.ts).
    stubActiveOwners(HUBSPOT);
    await connectPortal(api);
    await activateAgreement(api, WITH_LEADS, 'Hand leads over as HubSpot Leads');
    await storeContacts(api);
    await api.store.leads.open(
      PORTAL,
      {
        contactId: DIRECTOR.id,
        handoffAt: NOW,
        name: 'Director of IT · A2',
        ownerId: LEAD_OWNER_ID,
        teamId: null,
        companyId: null,
        grade: 'A2',
        route: 'field_sales',
        reasons: 'A2 (score 76, Sales-ready)',
      },
      NOW,
    );
    await scoreNow(DIRECTOR.id);
    await take('card-lead-creating', card());
    await synced(api, 'new-stage-id');
    await take('card-lead-new', card());
    await take('verdict-lead-accepted', verdict({ verdict: 'accepted' }));
    await take('card-lead-accepted', card());
    await synced(api, 'attempting-stage-id');
    await take('card-lead-attempting', card());
    await verdict({ verdict: 'rejected', reason: 'too_small', note: 'Only five seats' });
    await take('card-lead-rejected', card());
    const [claimed] = await api.store.leads.claimDue(PORTAL, NOW, 10, 60_000);
    const refusal =
      'Property values were not valid: hs_lead_disqualification_reason is required for the disqualified stage';
    await api.store.leads.markRejected(PORTAL, claimed!, refusal, NOW);
    await take('card-lead-refused', card());
    // The customer was handed over a month ago (before it became a customer); someone deleted its Lead in HubSpot.
    await api.store.leads.open(
      PORTAL,
      {
        contactId: CUSTOMER.id,
        handoffAt: NOW - 30 * 86_400_000,
        name: 'aiko@client.example · B2',
        ownerId: LEAD_OWNER_ID,
        teamId: null,
        companyId: null,
        grade: 'B2',
        route: 'inside_sales',
        reasons: 'B2',
      },
      NOW,
    );
    await synced(api, 'new-stage-id', '9002');
    await api.store.leads.recordStage(PORTAL, '9002', LEAD_DELETED_STAGE, NOW, {
      byRep: false,
      converted: false,
    });
    await scoreNow(CUSTOMER.id);
    await take('card-lead-deleted', cardOf(CUSTOMER.id));
    // A second director, handed over and already worked by the rep in HubSpot (Connected) before they accept.
    const second = {
      ...DIRECTOR,
      id: '104',
      properties: { ...DIRECTOR.properties, email: 'mai@buyer.example' },
    };
    await api.store.contacts.upsertMany(PORTAL, [second], NOW);
    await api.store.leads.open(
      PORTAL,
      {
        contactId: second.id,
        handoffAt: NOW,
        name: 'mai@buyer.example · A2',
        ownerId: LEAD_OWNER_ID,
        teamId: null,
        companyId: null,
        grade: 'A2',
        route: 'field_sales',
        reasons: 'A2 (score 76, Sales-ready)',
      },
      NOW,
    );
    await synced(api, 'new-stage-id', '9003');
    await api.store.leads.recordStage(PORTAL, '9003', 'connected-stage-id', NOW, {
      byRep: true,
      converted: false,
    });
    await scoreNow(second.id);
    await take('card-lead-worked', cardOf(second.id));
    await verdictOn(second.id, { verdict: 'accepted' });
    await take('card-lead-worked-accepted', cardOf(second.id));
    if (!nock.isDone()) throw new Error(`unused HubSpot stubs: ${nock.pendingMocks().join(', ')}`);
  } finally {
    nock.cleanAll();
    nock.restore(); // the worker is left as found for the next test file (as test/hubspot/use-nock.ts does)
    await api.close();
  }
  return recorded;
}
