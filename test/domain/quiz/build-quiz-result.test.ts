import { applyQuizPatch } from '../../../src/domain/quiz/apply-quiz-patch';
import { buildQuizResult } from '../../../src/domain/quiz/build-quiz-result';
import type { QuizAnswerRecord, QuizLead, Side } from '../../../src/domain/quiz/quiz-types';
import type { CriterionResult } from '../../../src/domain/qualification';
import { agreementWith } from '../builders';

/** The example agreement with the webinar survey at 35 points, as in the example. */
const agreement = agreementWith((a) => {
  a.intent.signals.find((s) => s.id === 'webinar-survey')!.points = 35;
});

const matched = (kind: CriterionResult['kind'], id: string, points: number): CriterionResult => ({
  kind,
  id,
  label: id === 'webinar-survey' ? 'Answered the webinar survey' : id,
  property: id,
  value: 'x',
  outcome: 'matched',
  points,
});
/** Fit A (company size 100+: 25, director: 30, target industry: 15 = 70). */
const fitA = [matched('fit', 'company-size', 25), matched('fit', 'role', 30), matched('fit', 'industry', 15)];
/** Fit B (company size 100+: 25, manager: 15, target industry: 15 = 55). */
const fitB = [matched('fit', 'company-size', 25), matched('fit', 'role', 15), matched('fit', 'industry', 15)];

const lead = (key: number, grade: string, salesReady: boolean, criteria: CriterionResult[]): QuizLead => ({
  leadKey: String(key),
  position: key,
  contactId: String(100 + key),
  facts: [],
  actions: [],
  verdict: { salesReady, grade, tier: salesReady ? 'sales_ready' : 'nurture', score: 50, criteria },
});

/*
 * Leads 1-6: A2, sales-ready, handed mainly for the webinar survey (35 points; lead 6 also clicked an email, 5).
 * Leads 7-8: B2, held back, a quote click decayed to 50 of its 60 points.
 * Marketing (one marketer) says yes to all 8. Sales (two reps, who agree) say no to 1-5, yes to 6-8.
 */
const leads = [
  ...[1, 2, 3, 4, 5].map((k) => lead(k, 'A2', true, [...fitA, matched('signal', 'webinar-survey', 35)])),
  lead(6, 'A2', true, [
    ...fitA,
    matched('signal', 'webinar-survey', 35),
    matched('signal', 'email-click', 5),
  ]),
  lead(7, 'B2', false, [...fitB, matched('signal', 'quote-click', 50)]),
  lead(8, 'B2', false, [...fitB, matched('signal', 'quote-click', 50)]),
];
const says = (
  userId: string,
  side: Side,
  yesTo: number[],
  keys = [1, 2, 3, 4, 5, 6, 7, 8],
): QuizAnswerRecord[] =>
  keys.map((k) => ({ userId, side, leadKey: String(k), callThisMonth: yesTo.includes(k) }));
const answers = [
  ...says('m1', 'marketing', [1, 2, 3, 4, 5, 6, 7, 8]),
  ...says('s1', 'sales', [6, 7, 8]),
  ...says('s2', 'sales', [6, 7, 8]),
];

describe('a calibration round', () => {
  const result = buildQuizResult(leads, answers, agreement);

  it("gives each participant's and each side's lean as the share of yes", () => {
    expect(result.participants).toEqual([
      { userId: 'm1', side: 'marketing', answered: 8, yes: 8, lean: 1 },
      { userId: 's1', side: 'sales', answered: 8, yes: 3, lean: 3 / 8 },
      { userId: 's2', side: 'sales', answered: 8, yes: 3, lean: 3 / 8 },
    ]);
    expect(result.sides.sales).toEqual({
      participants: 2,
      answers: 16,
      yes: 6,
      lean: 3 / 8,
      leads: 8,
      majorityYes: 3,
    });
    expect(result.oneSided).toBe(false);
  });

  /*
   * Between sides (marketing rows, sales columns): yesYes 3 (6-8), yesNo 5 (1-5), no "no" from marketing.
   * po = 3/8; p1. = 1, p.1 = 3/8 -> pe = 3/8; κ = 0. SE: diagonal 3/8·(1 − 11/8)² = 27/512, off-diagonal
   * 5/8·(3/8 + 0)² = 45/512, minus (0 − 3/8)² = 72/512 -> 0: SE 0, interval [0, 0].
   * Sales vs the verdict (sales rows): leads 1-5 no/ready (noYes 5), 6 yes/ready (yesYes 1), 7-8 yes/held (yesNo 2):
   * po = 1/8; p1. = 3/8, p.1 = 6/8 -> pe = 3/8·6/8 + 5/8·2/8 = 28/64 = .4375; κ = (.125 − .4375)/.5625 = −5/9.
   */
  it('measures the sides against each other and each against the verdict', () => {
    expect(result.betweenSides).toMatchObject({
      leads: 8,
      table: { yesYes: 3, yesNo: 5, noYes: 0, noNo: 0 },
    });
    expect(result.betweenSides!.percent).toBeCloseTo(37.5, 10);
    expect(result.betweenSides!.kappa).toBeCloseTo(0, 10);
    expect(result.betweenSides!.standardError).toBeCloseTo(0, 10);
    expect(result.vsVerdict.sales).toMatchObject({ table: { yesYes: 1, yesNo: 2, noYes: 5, noNo: 0 } });
    expect(result.vsVerdict.sales!.kappa).toBeCloseTo(-5 / 9, 10);
  });

  it('lists the leads the sides disagree on with the criteria that drove the verdict, most points first', () => {
    const disagreed = result.leads.filter((l) => l.disagree).map((l) => l.leadKey);
    expect(disagreed).toEqual(['1', '2', '3', '4', '5']);
    expect(result.leads[0]!.drivers.map((c) => [c.id, c.points])).toEqual([
      ['webinar-survey', 35],
      ['role', 30],
      ['company-size', 25],
      ['industry', 15],
    ]);
    expect(result.leads[0]!.againstVerdict).toEqual({ marketing: false, sales: true });
  });

  /*
   * Webinar survey 35 -> 30: leads 1-5 fall to A3 (30 < 35), lead 6 stays A2 (30 + 5 = 35): 5 answers of sales
   * matched, none lost (gain 5); at 25 lead 6 falls too (gain 4). Taking A2 out of handoff gains 5 − 1 = 4.
   * Quote click 60 -> 75: 50·75/60 = 62.5 >= 60, leads 7-8 become B1, sales-ready (gain 2; 70: 58.3, too little).
   * B2 into handoff gains 2 as well. Marketing's answers match the verdict on 1-6 and offer the same two raises.
   */
  it('suggests the edits that match the most answers, the smallest change first', () => {
    expect(result.suggestions.map((s) => [s.n, s.patch, s.evidence])).toEqual([
      [
        1,
        { kind: 'signal_points', signalId: 'webinar-survey', from: 35, to: 30 },
        { side: 'sales', said: 'no', count: 5, of: 6 },
      ],
      [
        2,
        { kind: 'handoff', grade: 'A2', salesReady: false },
        { side: 'sales', said: 'no', count: 5, of: 6 },
      ],
      [
        3,
        { kind: 'signal_points', signalId: 'quote-click', from: 60, to: 75 },
        { side: 'sales', said: 'yes', count: 2, of: 2 },
      ],
      [
        4,
        { kind: 'handoff', grade: 'B2', salesReady: true },
        { side: 'sales', said: 'yes', count: 2, of: 2 },
      ],
    ]);
    expect(result.suggestions[0]!.text).toEqual({
      en: 'Sales said no to 5 of 6 sales-ready leads scored mainly on "Answered the webinar survey": lower its points from 35 to 30.',
      ja: '営業は「Answered the webinar survey」が主な加点要因の営業対象リード6件のうち5件に「いいえ」と回答：配点を35点から30点に下げる。',
    });
  });

  it('applies a suggestion to a copy of the agreement', () => {
    const next = applyQuizPatch(agreement, result.suggestions[0]!.patch)!;
    expect(next.intent.signals.find((s) => s.id === 'webinar-survey')!.points).toBe(30);
    expect(agreement.intent.signals.find((s) => s.id === 'webinar-survey')!.points).toBe(35);
    expect(applyQuizPatch(agreement, result.suggestions[1]!.patch)!.handoff.salesReady).toEqual(['A1', 'B1']);
    expect(
      applyQuizPatch(agreement, { kind: 'signal_points', signalId: 'gone', from: 1, to: 2 }),
    ).toBeUndefined();
  });

  it('says so when only one side answered, and compares nothing between sides', () => {
    const oneSided = buildQuizResult(leads, says('s1', 'sales', [6]), agreement);
    expect(oneSided).toMatchObject({ oneSided: true, answeredSide: 'sales', betweenSides: null });
    expect(oneSided.vsVerdict.marketing).toBeNull();
    expect(oneSided.vsVerdict.sales!.leads).toBe(8);
  });

  it("counts a side's tie on a lead as no answer from that side", () => {
    const split = buildQuizResult(
      leads,
      [
        ...says('s1', 'sales', [1], [1]),
        ...says('s2', 'sales', [], [1]),
        ...says('m1', 'marketing', [1], [1]),
      ],
      agreement,
    );
    expect(split.leads[0]!.sales).toEqual({ yes: 1, no: 1, majority: null });
    expect(split.betweenSides!.leads).toBe(0);
    expect(split.leads[0]!.disagree).toBe(false);
  });
});
