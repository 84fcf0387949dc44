import { databaseOf, type Store } from '../../../src/store/create-store';
import { AGREEMENT, addHistory, tokyo } from './seed-store';

const handoff = (AGREEMENT as { handoff?: object }).handoff;
/** The seed's agreement (Asia/Tokyo) handing sales-ready leads over as HubSpot Leads, ten a month. */
export const WITH_LEADS = {
  ...AGREEMENT,
  handoff: { ...handoff, createLeads: true },
  capacity: { default: 10, months: {} },
};

/** `agreement` as version 1, approved on 1 Sep 2026 and active. */
export async function approveAgreement(store: Store, portalId: string, agreement: unknown): Promise<void> {
  await databaseOf(store)
    .db.insertInto('agreement_versions')
    .values({
      ...{ portal_id: portalId, version: 1, status: 'active', name: 'v1', body: JSON.stringify(agreement) },
      ...{ created_by: '1', created_at: tokyo('2026-08-20T10:00'), proposed_by: '1' },
      ...{ proposed_at: tokyo('2026-08-25T10:00'), proposed_side: 'marketing', rationale: null },
      ...{ approved_by: '2', approved_at: tokyo('2026-09-01T10:00'), sent_back_by: null, sent_back_at: null },
      ...{ sent_back_comment: null, diff: null },
    })
    .execute();
}

/** A handoff at `qualified` (Tokyo) due at `due`, handed over as HubSpot Lead `leadId` (created, in New). */
async function handedAsLead(
  store: Store,
  portalId: string,
  [contact, qualified, due, leadId]: [string, string, string, string],
) {
  await addHistory(databaseOf(store).db, portalId, [
    { contact, at: qualified, tier: 'sales_ready', grade: 'A1', qualified, due, sla: 'on_track' },
  ]);
  const at = tokyo(qualified);
  const row = {
    ...{ contactId: contact, handoffAt: at, name: `${contact} · A1`, ownerId: '101', companyId: null },
    ...{ grade: 'A1', route: 'inside_sales', reasons: 'fits' },
  };
  await store.leads.open(portalId, row, at);
  const claimed = await store.leads.claimDue(portalId, at, 10, 60_000);
  const mine = claimed.find((r) => r.contactId === contact && r.handoffAt === at);
  await store.leads.markSynced(portalId, mine!, leadId, 'new-stage-id', at + 1000);
}

const byRep = (store: Store, portalId: string, leadId: string, stage: string, local: string) =>
  store.leads.recordStage(portalId, leadId, stage, tokyo(local), {
    byRep: true,
    converted: stage === 'qualified-stage-id',
  });

/**
 * November 2026 with Leads on: c0 handed over in October, first worked on 2 November; c1-c4 handed over in November
 * (due two days later), none with a sales activity on the contact. c1 worked (1 day 1 hour after its handoff) and
 * disqualified by its rep in HubSpot's prospecting workspace on the 24th, c2 worked (after 24 hours) and converted on
 * the 20th, c3 rejected on the card on the 17th, c4 recycled by the SLA (never touched) on the 25th. November: 4
 * created, 3 worked, 3 disqualified (rejected, rep_in_hubspot, sla_no_touch), 1 converted; within the SLA 2 of 4.
 */
export async function seedLeadsNovember(store: Store, portalId: string): Promise<void> {
  await approveAgreement(store, portalId, WITH_LEADS);
  await handedAsLead(store, portalId, ['c0', '2026-10-28T10:00', '2026-10-30T23:59', '900']);
  await byRep(store, portalId, '900', 'attempting-stage-id', '2026-11-02T09:00');
  await handedAsLead(store, portalId, ['c1', '2026-11-02T10:00', '2026-11-04T23:59', '901']);
  await handedAsLead(store, portalId, ['c2', '2026-11-09T10:00', '2026-11-11T23:59', '902']);
  await handedAsLead(store, portalId, ['c3', '2026-11-16T10:00', '2026-11-18T23:59', '903']);
  await handedAsLead(store, portalId, ['c4', '2026-11-17T10:00', '2026-11-19T23:59', '904']);
  await byRep(store, portalId, '901', 'attempting-stage-id', '2026-11-03T11:00');
  await byRep(store, portalId, '902', 'connected-stage-id', '2026-11-10T10:00');
  await byRep(store, portalId, '902', 'qualified-stage-id', '2026-11-20T10:00');
  await store.leads.close(portalId, 'c3', 'disqualified', 'rejected', 'too small', tokyo('2026-11-17T10:00'));
  await store.leads.close(portalId, 'c4', 'disqualified', 'sla_no_touch', null, tokyo('2026-11-25T10:00'));
  const inHubSpot = 'Disqualified in HubSpot: NOT_A_GOOD_FIT';
  await store.leads.disqualifiedInHubSpot(
    portalId,
    '901',
    'unqualified-stage-id',
    inHubSpot,
    tokyo('2026-11-24T15:00'),
  );
}
