import { buildMonthlyReport } from '../../../src/domain/report/build-monthly-report';
import { rate, rounded } from './expected-rates';
import { emptyInput, handoff, leads } from './report-fixture';

describe('buildMonthlyReport on thin months', () => {
  it('When the month is empty, then every figure is zero, rates are null with [0, 1] and notes say why', () => {
    const report = rounded(buildMonthlyReport(emptyInput({ nextMonthCapacity: 3 })));
    expect(report.handoff).toEqual({ handed: 0, capacity: 5, heldBack: 0, utilisation: 0 });
    expect(report.followUp).toEqual({
      total: {
        ownerId: null,
        handed: 0,
        pending: 0,
        withinSla: rate(0, 0),
        breaches: 0,
        medianHoursToFirstTouch: null,
      },
      byOwner: [],
    });
    expect(report.verdicts.acceptance).toEqual(rate(0, 0));
    expect(report.recycled.total).toBe(0);
    expect(report.conversion.overall).toEqual(rate(0, 0));
    expect(report.conversion.byGrade).toEqual([]);
    expect(report.trend).toHaveLength(6);
    expect(report.evidence.every((row) => row.flag === null && row.scored.leads === 0)).toBe(true);
    expect(report.suggestion).toMatchObject({ grades: [], expectedInflow: 0, changed: true });
    expect(report.notes.map((note) => note.code)).toEqual(['empty_month', 'little_history']);
    expect(report.notes[1]?.en).toBe(
      'Little history so far (0 leads this month, 0 of the last 6 months with handoffs): intervals are wide, read rates as rough.',
    );
  });

  it('When capacity is zero, then nothing is handed, all qualifying leads are held back and no grade is suggested', () => {
    const report = buildMonthlyReport(
      emptyInput({
        capacity: 0,
        nextMonthCapacity: 0,
        heldBack: [{ grade: 'A1', count: 4 }],
        leads: [leads(4, 'A1', 'decision', {}, { converted: 1 })],
      }),
    );
    expect(report.handoff).toEqual({ handed: 0, capacity: 0, heldBack: 4, utilisation: null });
    expect(report.suggestion).toMatchObject({ capacity: 0, grades: [], lastMonth: { leads: 0, handed: 0 } });
    expect(report.suggestion?.current).toMatchObject({ grades: ['A1', 'A2', 'B1'], leads: 4, handed: 0 });
    expect(report.notes.map((note) => note.code)).toEqual(['capacity_zero', 'little_history']);
  });

  it('When no agreement is active, then the report still answers, without evidence or suggestion', () => {
    const report = buildMonthlyReport(
      emptyInput({
        agreement: null,
        capacity: null,
        handoffs: [handoff('c1', '2026-11-02T10:00', 'A1', 'o1', null)],
      }),
    );
    expect(report.agreementVersion).toBeNull();
    expect(report.handoff).toEqual({ handed: 1, capacity: null, heldBack: 0, utilisation: null });
    expect(report.evidence).toEqual([]);
    expect(report.suggestion).toBeNull();
    expect(report.notes.map((note) => note.code)).toEqual(['no_agreement', 'little_history']);
  });

  it('When a handed lead has no due date, then a touch without a recorded breach counts as within the SLA', () => {
    const report = buildMonthlyReport(
      emptyInput({
        handoffs: [handoff('c1', '2026-11-02T10:00', 'A1', 'o1', null)],
        firstTouches: [{ contactId: 'c1', at: Date.parse('2026-11-03T10:00:00+09:00') }],
      }),
    );
    expect(report.followUp.total).toMatchObject({ handed: 1, pending: 0, medianHoursToFirstTouch: 24 });
    expect(rounded(report.followUp.total.withinSla)).toEqual(rate(1, 1));
  });
});
