import { monthlyReportSchema } from '../../../src/contracts/report';
import type { Route } from '../../../src/domain/agreement-schema';
import { createStore, type Store } from '../../../src/store/create-store';
import { openDatabase } from '../../../src/store/open-database';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { reportCsv } from '../../../src/use-cases/report/report-csv';
import { reportTable } from '../../../src/use-cases/report/report-table';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { AGREEMENT, tokyo } from './seed-store';

const PORTAL = '77';
/** November: 6 in all, field sales 2, inside sales 4 (from its default). */
const CAPPED = {
  ...AGREEMENT,
  capacity: {
    default: 6,
    months: {},
    routes: { field_sales: { default: 3, months: { '2026-11': 2 } }, inside_sales: { default: 4 } },
  },
};

/** The agreement, approved on 1 Sep 2026, and November's handoffs: two to field sales, one to inside sales. */
async function seed(options: TestDatabase['options'], agreement: unknown): Promise<void> {
  const { db } = openDatabase(options);
  await db
    .insertInto('agreement_versions')
    .values({
      ...{ portal_id: PORTAL, version: 1, status: 'active', name: 'routes', body: JSON.stringify(agreement) },
      ...{ created_by: '1', created_at: tokyo('2026-08-20T10:00'), proposed_by: '1' },
      ...{ proposed_at: tokyo('2026-08-25T10:00'), proposed_side: 'marketing', rationale: null },
      ...{ approved_by: '2', approved_at: tokyo('2026-09-01T10:00'), sent_back_by: null, sent_back_at: null },
      ...{ sent_back_comment: null, diff: null },
    })
    .execute();
  const row = (contact: string, day: string, route: Route) => ({
    ...{
      portal_id: PORTAL,
      contact_id: contact,
      tier: 'sales_ready',
      grade: 'A1',
      score: 80,
      stage: 'decision',
    },
    ...{ route, tier_reason: 'grade', reasons: '', agreement_version: 1, qualified_at: tokyo(day) },
    ...{ follow_up_due: null, sla_status: 'on_track', recycled_at: null, capacity_month: '2026-11' },
    ...{ criteria: '[]', at: tokyo(day) },
  });
  await db
    .insertInto('qualification_history')
    .values([
      row('c1', '2026-11-02T10:00', 'field_sales'),
      row('c2', '2026-11-03T10:00', 'field_sales'),
      row('c3', '2026-11-04T10:00', 'inside_sales'),
    ])
    .execute();
  await db.destroy();
}

describe.each(ENGINE_FACTORIES)('the monthly report with capacity per route, on %s', (_engine, make) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await make();
    store = await createStore(database.options);
    await seed(database.options, CAPPED);
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const report = () =>
    monthlyReport(
      {
        source: (portal, m, now) => loadReportInput(store, portal, m, now),
        now: () => tokyo('2026-12-01T12:00'),
      },
      PORTAL,
      '2026-11',
    );

  it('shows each route against its cap beside the total, in the API answer, the CSV and the table', async () => {
    const r = await report();
    expect(r.handoff).toEqual({
      handed: 3,
      capacity: 6,
      heldBack: 0,
      utilisation: 0.5,
      routes: [
        { route: 'field_sales', handed: 2, capacity: 2, utilisation: 1 },
        { route: 'inside_sales', handed: 1, capacity: 4, utilisation: 0.25 },
      ],
    });
    expect(monthlyReportSchema.parse(r).handoff.routes).toEqual(r.handoff.routes);
    const csv = reportCsv(r);
    expect(csv).toContain('handoff,field_sales,handed,2');
    expect(csv).toContain('handoff,field_sales,capacity,2');
    expect(csv).toContain('handoff,inside_sales,capacity,4');
    const table = reportTable(r);
    expect(table).toMatch(/field_sales\s+2 of capacity 2/);
    expect(table).toMatch(/inside_sales\s+1 of capacity 4/);
  });
});

describe('the monthly report without route caps', () => {
  it('has no route figures, as before', async () => {
    const database = await ENGINE_FACTORIES[0]![1]();
    const store = await createStore(database.options);
    await seed(database.options, AGREEMENT);
    const r = await monthlyReport(
      {
        source: (portal, m, now) => loadReportInput(store, portal, m, now),
        now: () => tokyo('2026-12-01T12:00'),
      },
      PORTAL,
      '2026-11',
    );
    expect(r.handoff).toEqual({ handed: 3, capacity: 3, heldBack: 0, utilisation: 1 });
    expect(reportCsv(r)).not.toContain('field_sales');
    await store.close();
    await database.drop();
  });
});
