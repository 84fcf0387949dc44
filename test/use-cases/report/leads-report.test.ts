import { monthlyReportSchema } from '../../../src/contracts/report';
import { databaseOf, createStore, type Store } from '../../../src/store/create-store';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { reportCsv } from '../../../src/use-cases/report/report-csv';
import { reportTable } from '../../../src/use-cases/report/report-table';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { AGREEMENT, addHistory, tokyo } from './seed-store';

const PORTAL = '88';
const handoff = (AGREEMENT as { handoff?: object }).handoff;
const WITH_LEADS = { ...AGREEMENT, handoff: { ...handoff, createLeads: true } };

/** The agreement as version 1, approved on 1 Sep 2026 and active. */
async function approve(store: Store, agreement: unknown): Promise<void> {
  await databaseOf(store)
    .db.insertInto('agreement_versions')
    .values({
      ...{ portal_id: PORTAL, version: 1, status: 'active', name: 'v1', body: JSON.stringify(agreement) },
      ...{ created_by: '1', created_at: tokyo('2026-08-20T10:00'), proposed_by: '1' },
      ...{ proposed_at: tokyo('2026-08-25T10:00'), proposed_side: 'marketing', rationale: null },
      ...{ approved_by: '2', approved_at: tokyo('2026-09-01T10:00'), sent_back_by: null, sent_back_at: null },
      ...{ sent_back_comment: null, diff: null },
    })
    .execute();
}

/** A handoff at `qualified` (Tokyo), due two days later, handed over as HubSpot Lead `leadId`. */
async function handedAsLead(store: Store, contact: string, qualified: string, due: string, leadId: string) {
  await addHistory(databaseOf(store).db, PORTAL, [
    { contact, at: qualified, tier: 'sales_ready', grade: 'A1', qualified, due, sla: 'on_track' },
  ]);
  const handoff = {
    contactId: contact,
    handoffAt: tokyo(qualified),
    name: `${contact} · A1`,
    ownerId: '101',
    companyId: null,
    grade: 'A1',
    route: 'inside_sales',
    reasons: 'fits',
  };
  await store.leads.open(PORTAL, handoff, tokyo(qualified));
  const [row] = await store.leads.claimDue(PORTAL, tokyo(qualified), 10, 60_000);
  await store.leads.markSynced(PORTAL, row!, leadId, 'new-stage-id', tokyo(qualified) + 1000);
}

const reportOf = (store: Store, month: string) =>
  monthlyReport(
    {
      source: (portal, m, now) => loadReportInput(store, portal, m, now),
      now: () => tokyo('2026-12-01T12:00'),
    },
    PORTAL,
    month,
  );

describe.each(ENGINE_FACTORIES)('the monthly report with HubSpot Leads, on %s', (_engine, make) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await make();
    store = await createStore(database.options);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  async function november() {
    await approve(store, WITH_LEADS);
    // Handed over in October, first moved on by a rep in November: worked in November, created in October.
    await handedAsLead(store, 'c0', '2026-10-28T10:00', '2026-10-30T23:59', '900');
    await store.leads.recordStage(PORTAL, '900', 'attempting-stage-id', tokyo('2026-11-02T09:00'), {
      byRep: true,
      converted: false,
    });
    await handedAsLead(store, 'c1', '2026-11-02T10:00', '2026-11-04T23:59', '901');
    await handedAsLead(store, 'c2', '2026-11-09T10:00', '2026-11-11T23:59', '902');
    await handedAsLead(store, 'c3', '2026-11-16T10:00', '2026-11-18T23:59', '903');
    await handedAsLead(store, 'c4', '2026-11-17T10:00', '2026-11-19T23:59', '904');
    // c1: a rep moved the Lead on before its deadline, with no sales activity logged on the contact.
    await store.leads.recordStage(PORTAL, '901', 'attempting-stage-id', tokyo('2026-11-03T11:00'), {
      byRep: true,
      converted: false,
    });
    // c2: worked, then converted.
    await store.leads.recordStage(PORTAL, '902', 'connected-stage-id', tokyo('2026-11-10T10:00'), {
      byRep: true,
      converted: false,
    });
    await store.leads.recordStage(PORTAL, '902', 'qualified-stage-id', tokyo('2026-11-20T10:00'), {
      byRep: true,
      converted: true,
    });
    // c3 rejected on the card, c4 recycled by the SLA: Lead Pact disqualified their Leads.
    await store.leads.close(PORTAL, 'c3', 'disqualified', 'rejected', 'too small', tokyo('2026-11-17T10:00'));
    await store.leads.close(PORTAL, 'c4', 'disqualified', 'sla_no_touch', null, tokyo('2026-11-30T10:00'));
  }

  it('counts the Leads created, worked, disqualified by reason and converted in the month, in the API answer, the table and the CSV', async () => {
    await november();
    const r = await reportOf(store, '2026-11');
    expect(r.leads).toEqual({
      created: 4,
      worked: 3,
      disqualified: 2,
      disqualifiedByReason: [
        { reason: 'rejected', count: 1 },
        { reason: 'sla_no_touch', count: 1 },
      ],
      converted: 1,
    });
    expect(monthlyReportSchema.parse(r).leads).toEqual(r.leads);
    const table = reportTable(r);
    expect(table).toMatch(/HubSpot Leads\n\s+created\s+4\n\s+worked\s+3\n\s+disqualified\s+2\n/);
    expect(table).toMatch(/disqualified: rejected\s+1/);
    expect(table).toMatch(/converted\s+1/);
    const csv = reportCsv(r);
    expect(csv).toContain('hubspot_leads,total,created,4');
    expect(csv).toContain('hubspot_leads,total,worked,3');
    expect(csv).toContain('hubspot_leads,total,converted,1');
    expect(csv).toContain('hubspot_leads,sla_no_touch,disqualified,1');
  });

  it("counts a rep's first move on a Lead as the first touch in the follow-up figures, like a sales activity", async () => {
    await november();
    const { followUp } = await reportOf(store, '2026-11');
    // c1 and c2 were touched through their Leads within the SLA; c3 and c4 never were.
    expect(followUp.total.withinSla).toMatchObject({ successes: 2, trials: 4 });
    // c1 after 25 hours, c2 after 24 hours.
    expect(followUp.total.medianHoursToFirstTouch).toBe(24.5);
  });

  it('shows zero Leads for a quiet month while Leads are on', async () => {
    await approve(store, WITH_LEADS);
    const r = await reportOf(store, '2026-11');
    expect(r.leads).toEqual({
      created: 0,
      worked: 0,
      disqualified: 0,
      disqualifiedByReason: [],
      converted: 0,
    });
  });

  it('When Leads are off, then the report has no Lead figures at all', async () => {
    await approve(store, AGREEMENT);
    await addHistory(databaseOf(store).db, PORTAL, [
      {
        contact: 'c1',
        at: '2026-11-02T10:00',
        tier: 'sales_ready',
        grade: 'A1',
        qualified: '2026-11-02T10:00',
      },
    ]);
    const r = await reportOf(store, '2026-11');
    expect(r).not.toHaveProperty('leads');
    expect(monthlyReportSchema.parse(r)).not.toHaveProperty('leads');
    expect(reportTable(r)).not.toContain('HubSpot Leads');
    expect(reportCsv(r)).not.toContain('hubspot_leads');
  });
});
