import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { createStore, type Store } from '../../../src/store/create-store';
import { openDatabase } from '../../../src/store/open-database';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { rate, rounded } from '../../domain/report/expected-rates';
import { HANA_SATO, PORTAL, seedNovember, YUKI_TANAKA } from './seed-november';
import { tokyo } from './seed-store';

describe.each(ENGINE_FACTORIES)('monthly report from the %s store', (_engine, make) => {
  let database: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    database = await make();
    store = await createStore(database.options);
    const seeding = openDatabase(database.options);
    await seedNovember(seeding);
    await seeding.db.destroy();
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const report = async (month = '2026-11') =>
    rounded(
      await monthlyReport(
        {
          source: (portal, m, now) => loadReportInput(store, portal, m, now),
          now: () => tokyo('2026-12-01T12:00'),
        },
        PORTAL,
        month,
      ),
    );

  it('counts November handoffs in Tokyo time against capacity, follow-up per owner and verdicts', async () => {
    const r = await report();
    expect(r.timezone).toBe('Asia/Tokyo');
    expect(r.handoff).toEqual({ handed: 3, capacity: 3, heldBack: 1, utilisation: 1 });
    // c1 6 h in time; c4 120 h late and breached; c2 pending. Median of 6 and 120 = 63.
    expect(r.followUp.total).toEqual({
      ownerId: null,
      handed: 3,
      pending: 1,
      withinSla: rate(1, 2),
      breaches: 1,
      medianHoursToFirstTouch: 63,
    });
    expect(r.followUp.byOwner).toEqual([
      {
        ownerId: HANA_SATO,
        handed: 2,
        pending: 0,
        withinSla: rate(1, 2),
        breaches: 1,
        medianHoursToFirstTouch: 63,
      },
      {
        ownerId: YUKI_TANAKA,
        handed: 1,
        pending: 1,
        withinSla: rate(0, 0),
        breaches: 0,
        medianHoursToFirstTouch: null,
      },
    ]);
    expect(r.verdicts).toMatchObject({
      handed: 3,
      accepted: 1,
      rejected: 1,
      pending: 1,
      acceptance: rate(1, 2),
    });
    expect(r.verdicts.rejectionsByReason.find((row) => row.reason === 'not_ready')?.count).toBe(1);
  });

  it('tells why leads were recycled: c4 after a rejection, c9 at 00:10 on 1 Nov for no progress', async () => {
    expect((await report()).recycled).toEqual({
      total: 2,
      byCause: [
        { cause: 'sla_no_touch', count: 0 },
        { cause: 'sla_no_progress', count: 1 },
        { cause: 'rejected', count: 1 },
      ],
    });
  });

  it("aggregates the month's leads in SQL: conversion by grade, signal, stage and version", async () => {
    const r = await report();
    // Leads: c1 A1 (opportunity), c2 B1, c4 A2, c5 C3 (a deal), c6 A1, c9 A1; c7 disqualified, c3 December's.
    expect(r.conversion.overall).toEqual(rate(2, 6));
    expect(r.conversion.handed).toEqual(rate(1, 3));
    expect(r.conversion.byGrade).toEqual([
      { key: 'A1', label: 'A1', ...rate(1, 3) },
      { key: 'A2', label: 'A2', ...rate(0, 1) },
      { key: 'B1', label: 'B1', ...rate(0, 1) },
      { key: 'C3', label: 'C3', ...rate(1, 1) },
    ]);
    expect(r.conversion.bySignal.map(({ key, successes, trials }) => [key, successes, trials])).toEqual([
      ['quote-click', 1, 2],
      ['price-list', 0, 1],
      ['doc-request', 1, 2],
      ['webinar-survey', 0, 0],
      ['email-click', 0, 0],
    ]);
    expect(r.conversion.byStage.map(({ key, successes, trials }) => [key, successes, trials])).toEqual([
      ['awareness', 0, 0],
      ['interest', 1, 1],
      ['comparison', 0, 1],
      ['decision', 1, 4],
    ]);
    expect(r.conversion.byVersion).toEqual([{ key: '1', label: 'v1', ...rate(2, 6) }]);
    // company-size scored c1, c2, c6 (c1 accepted, 1 converted); the rest c4 (rejected), c5 (converted), c9.
    expect(r.evidence[0]).toMatchObject({
      id: 'company-size',
      points: 40,
      scored: { leads: 3, acceptance: rate(1, 1), conversion: rate(1, 3) },
      rest: { leads: 3, acceptance: rate(0, 1), conversion: rate(1, 3) },
      flag: null,
    });
  });

  it('builds the trend from six months of history and suggests grades for December', async () => {
    const r = await report();
    expect(r.trend.map(({ month, capacity, handed }) => [month, capacity, handed])).toEqual([
      ['2026-06', null, 0],
      ['2026-07', null, 0],
      ['2026-08', null, 0],
      ['2026-09', 3, 0],
      ['2026-10', 3, 2],
      ['2026-11', 3, 3],
    ]);
    // October: c8 touched after 2 h and c9 the next morning, both in time; c8 converted.
    expect(r.trend[4]).toMatchObject({ followUp: rate(2, 2), conversion: rate(1, 2) });
    // Sep-Nov by grade: C3 1/1 (low 0.2065), A1 2/5 (0.1176), A2 0/1, B1 0/1. Inflow C3 1/3 + A1 5/3 = 2 >= 2.
    expect(r.suggestion).toMatchObject({
      month: '2026-12',
      capacity: 2,
      grades: ['C3', 'A1'],
      expectedInflow: 2,
      changed: true,
      lastMonth: { leads: 4, handed: 3, conversion: rate(2, 4) },
      current: { grades: ['A1', 'A2', 'B1'], leads: 5, handed: 3, conversion: rate(1, 5) },
    });
    expect(r.notes.map((note) => note.code)).toEqual(['little_history']);
  });

  it('answers an empty month with zeros and notes instead of an error', async () => {
    const r = await report('2026-03');
    expect(r.handoff).toEqual({ handed: 0, capacity: null, heldBack: 0, utilisation: null });
    expect(r.notes.map((note) => note.code)).toEqual(['empty_month', 'little_history']);
  });

  it('rejects a malformed month with an invalid_input error naming the field', async () => {
    await expect(report('2026-13')).rejects.toMatchObject({
      code: 'invalid_input',
      details: [{ path: 'month' }],
    });
  });
});
