import { buildMonthlyReport } from '../../../src/domain/report/build-monthly-report';
import { rate, rounded } from './expected-rates';
import { seeded } from './seeded-november';

describe('buildMonthlyReport on a seeded November in Tokyo', () => {
  const report = rounded(buildMonthlyReport(seeded));

  it('counts five handoffs against a capacity of 5, with 3 held back, using Tokyo month boundaries', () => {
    // c1..c5 (c1 once); c0 is October's and c6 December's in Tokyo. 5/5 = 1.
    expect(report.handoff).toEqual({ handed: 5, capacity: 5, heldBack: 3, utilisation: 1 });
  });

  it('reports follow-up within the SLA, breaches and median hours in total and per owner', () => {
    // Decided: c1 (6 h, in time), c2 (120 h, late), c3 (12 h, in time), c4 (untouched, breached); c5 pending.
    // Median of 6, 12, 120 = 12. o1: 6 and 120 -> 63. o2: c3 in time, c5 pending. Unassigned: c4.
    expect(report.followUp.total).toEqual({
      ownerId: null,
      handed: 5,
      pending: 1,
      withinSla: rate(2, 4),
      breaches: 2,
      medianHoursToFirstTouch: 12,
    });
    expect(report.followUp.byOwner).toEqual([
      {
        ownerId: 'o1',
        handed: 2,
        pending: 0,
        withinSla: rate(1, 2),
        breaches: 1,
        medianHoursToFirstTouch: 63,
      },
      {
        ownerId: 'o2',
        handed: 2,
        pending: 1,
        withinSla: rate(1, 1),
        breaches: 0,
        medianHoursToFirstTouch: 12,
      },
      {
        ownerId: null,
        handed: 1,
        pending: 0,
        withinSla: rate(0, 1),
        breaches: 1,
        medianHoursToFirstTouch: null,
      },
    ]);
  });

  it('counts the latest verdict per handed lead and rejections by reason', () => {
    // c1 accepted, c2 rejected (not_ready), c3 rejected then accepted -> accepted, c4 rejected (wrong_role),
    // c5 none; c6 is not November's. Acceptance 2/(2+2).
    expect(report.verdicts).toEqual({
      handed: 5,
      accepted: 2,
      rejected: 2,
      pending: 1,
      acceptance: rate(2, 4),
      rejectionsByReason: [
        { reason: 'too_small', count: 0 },
        { reason: 'wrong_role', count: 1 },
        { reason: 'not_ready', count: 1 },
        { reason: 'bad_data', count: 0 },
        { reason: 'existing_relationship', count: 0 },
        { reason: 'other', count: 0 },
      ],
    });
  });

  it('counts recycles of the month by cause, in Tokyo time', () => {
    // no touch: c9 (00:10 on 1 Nov JST), c4; no progress: c7 (c8 is December's in Tokyo); rejected: c2, c4.
    expect(report.recycled).toEqual({
      total: 5,
      byCause: [
        { cause: 'sla_no_touch', count: 2 },
        { cause: 'sla_no_progress', count: 1 },
        { cause: 'rejected', count: 2 },
      ],
    });
  });

  it('breaks conversion down by grade, signal, stage and version with counts and intervals', () => {
    // 240 leads (2+1+2+150+45+40), 18 converted (1+0+1+3+1+12); handed 5, 2 converted.
    expect(report.conversion.overall).toEqual(rate(18, 240));
    expect(report.conversion.handed).toEqual(rate(2, 5));
    expect(report.conversion.byGrade).toEqual([
      { key: 'A1', label: 'A1', ...rate(1, 2) },
      { key: 'A2', label: 'A2', ...rate(0, 1) },
      { key: 'B1', label: 'B1', ...rate(1, 2) },
      { key: 'B2', label: 'B2', ...rate(12, 40) },
      { key: 'C3', label: 'C3', ...rate(3, 150) },
      { key: 'C4', label: 'C4', ...rate(1, 45) },
    ]);
    expect(report.conversion.bySignal).toEqual([
      { key: 'quote-click', label: "Clicked 'get a quote' in the newsletter", ...rate(2, 4) },
      { key: 'price-list', label: 'Downloaded the price list', ...rate(12, 41) },
      { key: 'doc-request', label: 'Requested documents from a web ad', ...rate(3, 150) },
      { key: 'webinar-survey', label: 'Answered the webinar survey', ...rate(0, 0) },
      { key: 'email-click', label: 'Clicked a marketing email', ...rate(0, 0) },
    ]);
    expect(report.conversion.byStage).toEqual([
      { key: 'awareness', label: 'awareness', ...rate(1, 45) },
      { key: 'interest', label: 'interest', ...rate(3, 150) },
      { key: 'comparison', label: 'comparison', ...rate(12, 41) },
      { key: 'decision', label: 'decision', ...rate(2, 4) },
    ]);
    // v1: the 45 C4 leads; v2: 195 leads, 1+0+1+3+12 = 17 converted.
    expect(report.conversion.byVersion).toEqual([
      { key: '1', label: 'v1', ...rate(1, 45) },
      { key: '2', label: 'v2', ...rate(17, 195) },
    ]);
  });

  it('shows six months of trend, oldest first, empty where nothing happened', () => {
    const empty = (month: string) => ({
      month,
      capacity: null,
      handed: 0,
      heldBack: 0,
      followUp: rate(0, 0),
      conversion: rate(0, 0),
    });
    expect(report.trend).toEqual([
      empty('2026-06'),
      empty('2026-07'),
      empty('2026-08'),
      { month: '2026-09', capacity: 4, handed: 2, heldBack: 0, followUp: rate(2, 2), conversion: rate(0, 2) },
      { month: '2026-10', capacity: 4, handed: 4, heldBack: 0, followUp: rate(3, 4), conversion: rate(1, 4) },
      { month: '2026-11', capacity: 5, handed: 5, heldBack: 3, followUp: rate(2, 4), conversion: rate(2, 5) },
    ]);
  });

  it('flags the industry rule and the document-request signal whose leads converted clearly worse', () => {
    // Scored by both: the 150 C3 leads, 3 converted (2%, [0.0068, 0.0571]); the other 90 leads
    // converted 1+0+1+1+12 = 15 (16.7%, [0.1037, 0.2569]). 0.0571 < 0.1037: the intervals do not overlap.
    const flagged = report.evidence.filter((row) => row.flag !== null);
    expect(flagged.map((row) => [row.id, row.flag?.kind])).toEqual([
      ['industry', 'fewer_points'],
      ['doc-request', 'fewer_points'],
    ]);
    expect(flagged[1]?.flag?.en).toBe(
      'Requested documents from a web ad converted 2% (3/150), below the other leads at 16.7% (15/90): consider fewer points.',
    );
    expect(flagged[1]?.flag?.ja).toBe(
      '「Requested documents from a web ad」のリードの商談化率は2% (3/150)で、その他のリードの16.7% (15/90)を下回っています。配点を下げることを検討してください。',
    );
  });

  it('gives every criterion its scored and other leads with acceptance and conversion', () => {
    const side = (leadCount: number, acceptance: [number, number], conversion: [number, number]) => ({
      leads: leadCount,
      acceptance: rate(...acceptance),
      conversion: rate(...conversion),
    });
    const rows = report.evidence.map(({ id, points, scored, rest }) => ({ id, points, scored, rest }));
    expect(rows).toEqual([
      // scored: A1, A2, B1, B2 groups = 45 leads, verdicts 2 accepted / 2 rejected, 14 converted.
      {
        id: 'company-size',
        points: 40,
        scored: side(45, [2, 4], [14, 45]),
        rest: side(195, [0, 0], [4, 195]),
      },
      { id: 'role', points: 30, scored: side(3, [1, 3], [1, 3]), rest: side(237, [1, 1], [17, 237]) },
      { id: 'industry', points: 15, scored: side(150, [0, 0], [3, 150]), rest: side(90, [2, 4], [15, 90]) },
      { id: 'quote-click', points: 60, scored: side(4, [2, 3], [2, 4]), rest: side(236, [0, 1], [16, 236]) },
      { id: 'price-list', points: 35, scored: side(41, [0, 1], [12, 41]), rest: side(199, [2, 3], [6, 199]) },
      {
        id: 'doc-request',
        points: 20,
        scored: side(150, [0, 0], [3, 150]),
        rest: side(90, [2, 4], [15, 90]),
      },
      {
        id: 'webinar-survey',
        points: 15,
        scored: side(0, [0, 0], [0, 0]),
        rest: side(240, [2, 4], [18, 240]),
      },
      { id: 'email-click', points: 5, scored: side(0, [0, 0], [0, 0]), rest: side(240, [2, 4], [18, 240]) },
    ]);
  });

  it('suggests the best-converting grades that fill next month, without applying them', () => {
    // Sep+Oct+Nov by grade: A1 4/6 (low 0.3000), B2 12/40 (0.1807), B1 1/4 (0.0456), C3 4/250 (0.0062),
    // C4 1/90 (0.0020), A2 0/5 (0). Inflow per month: A1 6/3 = 2 < 3, + B2 40/3 -> 15.33 >= 3: stop.
    // In November A1+B2 had 2+40 = 42 leads, 1+12 = 13 converted, min(42, 5) = 5 handed.
    expect(report.suggestion).toMatchObject({
      month: '2026-12',
      capacity: 3,
      grades: ['A1', 'B2'],
      expectedInflow: 15.3,
      basisMonths: ['2026-09', '2026-10', '2026-11'],
      changed: true,
      lastMonth: { grades: ['A1', 'B2'], leads: 42, handed: 5, conversion: rate(13, 42) },
      current: { grades: ['A1', 'A2', 'B1'], leads: 5, handed: 5, conversion: rate(2, 5) },
    });
    expect(report.suggestion?.text.en).toBe(
      'For 2026-12 (capacity 3): sales-ready grades A1, B2, about 15.3 leads a month, best-converting first. ' +
        'In the report month they would have handed 5 leads converting 31% (13/42); ' +
        'the current grades A1, A2, B1: 5 leads converting 40% (2/5).',
    );
  });

  it('adds no note to a month with enough history', () => {
    expect(report.notes).toEqual([]);
    expect(report.agreementVersion).toBe(2);
  });
});
