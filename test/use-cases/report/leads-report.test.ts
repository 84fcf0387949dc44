import { monthlyReportSchema } from '../../../src/contracts/report';
import { databaseOf, createStore, type Store } from '../../../src/store/create-store';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { reportCsv } from '../../../src/use-cases/report/report-csv';
import { reportTable } from '../../../src/use-cases/report/report-table';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { approveAgreement, seedLeadsNovember, WITH_LEADS } from './seed-leads';
import { AGREEMENT, addHistory, tokyo } from './seed-store';

const PORTAL = '88';

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

  const november = () => seedLeadsNovember(store, PORTAL);

  it('counts the Leads created, worked, disqualified by reason and converted in the month, in the API answer, the table and the CSV', async () => {
    await november();
    const r = await reportOf(store, '2026-11');
    expect(r.leads).toEqual({
      created: 4,
      worked: 3,
      disqualified: 3,
      disqualifiedByReason: [
        { reason: 'rejected', count: 1 },
        { reason: 'rep_in_hubspot', count: 1 },
        { reason: 'sla_no_touch', count: 1 },
      ],
      converted: 1,
    });
    expect(monthlyReportSchema.parse(r).leads).toEqual(r.leads);
    const table = reportTable(r);
    expect(table).toMatch(/HubSpot Leads\n\s+created\s+4\n\s+worked\s+3\n\s+disqualified\s+3\n/);
    expect(table).toMatch(/disqualified: rejected\s+1/);
    expect(table).toMatch(/disqualified: rep_in_hubspot\s+1/);
    expect(table).toMatch(/converted\s+1/);
    const csv = reportCsv(r);
    expect(csv).toContain('hubspot_leads,total,created,4');
    expect(csv).toContain('hubspot_leads,total,worked,3');
    expect(csv).toContain('hubspot_leads,total,converted,1');
    expect(csv).toContain('hubspot_leads,sla_no_touch,disqualified,1');
    expect(csv).toContain('hubspot_leads,rep_in_hubspot,disqualified,1');
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
    await approveAgreement(store, PORTAL, WITH_LEADS);
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
    await approveAgreement(store, PORTAL, AGREEMENT);
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
