import { monthlyReportSchema } from '../../../src/contracts/report';
import { createStore, type Store } from '../../../src/store/create-store';
import { openDatabase } from '../../../src/store/open-database';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { reportCsv } from '../../../src/use-cases/report/report-csv';
import { reportTable } from '../../../src/use-cases/report/report-table';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { AGREEMENT, tokyo } from './seed-store';
import { CAPPED, ROUTES_PORTAL as PORTAL, seedRouteCaps } from './seed-route-caps';

/** Seeds `agreement` (and, with `heldToo`, the held-back leads) into a fresh database of the test. */
async function seed(options: TestDatabase['options'], agreement: unknown, heldToo = false): Promise<void> {
  const { db } = openDatabase(options);
  await seedRouteCaps(db, agreement, heldToo);
  await db.destroy();
}

describe.each(ENGINE_FACTORIES)('the monthly report with capacity per route, on %s', (_engine, make) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await make();
    store = await createStore(database.options);
    await seed(database.options, CAPPED, true);
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
      heldBack: 4,
      utilisation: 0.5,
      routes: [
        { route: 'field_sales', handed: 2, capacity: 2, utilisation: 1, heldBack: 2 },
        { route: 'inside_sales', handed: 1, capacity: 4, utilisation: 0.25, heldBack: 1 },
      ],
    });
    expect(monthlyReportSchema.parse(r).handoff.routes).toEqual(r.handoff.routes);
    const csv = reportCsv(r);
    expect(csv).toContain('handoff,field_sales,handed,2');
    expect(csv).toContain('handoff,field_sales,capacity,2');
    expect(csv).toContain('handoff,inside_sales,capacity,4');
    expect(csv).toContain('handoff,field_sales,held_back,2');
    expect(csv).toContain('handoff,inside_sales,held_back,1');
    const table = reportTable(r);
    expect(table).toMatch(/field_sales\s+2 of capacity 2, 2 held back/);
    expect(table).toMatch(/inside_sales\s+1 of capacity 4, 1 held back/);
  });

  it('splits the six-month trend by route: each month’s handoffs and held-back leads against each route’s cap', async () => {
    const r = await report();
    const [october, november] = r.trend.slice(-2);
    expect(october).toMatchObject({
      month: '2026-10',
      handed: 1,
      heldBack: 1,
      routes: [
        { route: 'field_sales', handed: 1, capacity: 3, heldBack: 1 },
        { route: 'inside_sales', handed: 0, capacity: 4, heldBack: 0 },
      ],
    });
    // November's total held back counts h4, held back before routes were stored; its routes do not.
    expect(november).toMatchObject({ month: '2026-11', handed: 3, heldBack: 4, routes: r.handoff.routes });
    expect(monthlyReportSchema.parse(r).trend.slice(-2)).toEqual([october, november]);
    const csv = reportCsv(r);
    expect(csv).toContain('trend,2026-10,held_back,1');
    expect(csv).toContain('trend,2026-10 field_sales,held_back,1');
    expect(csv).toContain('trend,2026-11 inside_sales,capacity,4');
    const table = reportTable(r);
    expect(table).toMatch(/2026-11\s+handed 3\/6, held back 4,/);
    expect(table).toMatch(/ {4}field_sales\s+handed 1\/3, held back 1\n/);
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
    expect(r.trend.every((p) => p.routes === undefined)).toBe(true);
    expect(reportCsv(r)).not.toContain('field_sales');
    await store.close();
    await database.drop();
  });
});
