import fc from 'fast-check';
import example from '../../examples/agreement.json';
import { agreementShape, type Agreement } from '../../src/domain/agreement-schema';
import { diffAgreements, type DiffLine } from '../../src/domain/diff-agreements';

const base = (): Agreement => agreementShape.parse(structuredClone(example));
const edited = (change: (a: Agreement) => void): Agreement => {
  const next = base();
  change(next);
  return next;
};
const rule = (a: Agreement, id: string) => a.fit.rules.find((r) => r.id === id)!;
const signal = (a: Agreement, id: string) => a.intent.signals.find((s) => s.id === id)!;
const texts = (lines: DiffLine[]) => lines.map((l) => l.text);

describe('diffAgreements', () => {
  it('says a band now gives 30 points where it gave 25, keyed by rule id and band minimum', () => {
    const next = edited((a) => (rule(a, 'company-size').bands![1]!.points = 30));
    expect(diffAgreements(base(), next)).toEqual([
      {
        path: 'fit.rules[company-size].bands[100]',
        change: 'changed',
        before: 25,
        after: 30,
        text: 'fit.rules[company-size]: band >= 100 now 30 points, was 25',
      },
    ]);
  });

  it('lists a new band and a dropped band', () => {
    const next = edited(
      (a) =>
        (rule(a, 'company-size').bands = [
          { min: 1000, points: 40 },
          { min: 50, points: 20 },
        ]),
    );
    expect(diffAgreements(base(), next)).toEqual([
      {
        path: 'fit.rules[company-size].bands[50]',
        change: 'added',
        after: 20,
        text: 'fit.rules[company-size]: band >= 50 now 20 points (new)',
      },
      {
        path: 'fit.rules[company-size].bands[100]',
        change: 'removed',
        before: 25,
        text: 'fit.rules[company-size]: band >= 100 removed (was 25 points)',
      },
      {
        path: 'fit.rules[company-size].bands[20]',
        change: 'removed',
        before: 10,
        text: 'fit.rules[company-size]: band >= 20 removed (was 10 points)',
      },
    ]);
  });

  it('says a signal now halves every 21 days instead of 14', () => {
    const next = edited((a) => (signal(a, 'quote-click').halfLifeDays = 21));
    expect(diffAgreements(base(), next)).toEqual([
      {
        path: 'intent.signals[quote-click].halfLifeDays',
        change: 'changed',
        before: 14,
        after: 21,
        text: 'intent.signals[quote-click]: half-life now 21 days, was 14',
      },
    ]);
  });

  it('names the grades added to and removed from the handoff', () => {
    const next = edited((a) => (a.handoff.salesReady = ['A1', 'B1', 'B2']));
    expect(diffAgreements(base(), next)).toEqual([
      {
        path: 'handoff.salesReady',
        change: 'changed',
        before: ['A1', 'A2', 'B1'],
        after: ['A1', 'B1', 'B2'],
        text: 'handoff.salesReady: added B2, removed A2',
      },
    ]);
  });

  it('reports monthly capacity that is new, changed or back to the default', () => {
    const next = edited((a) => (a.capacity.months = { '2027-01': 100, '2027-02': 60 }));
    expect(diffAgreements(base(), next)).toEqual([
      {
        path: 'capacity.months[2027-01]',
        change: 'changed',
        before: 120,
        after: 100,
        text: 'capacity.months[2027-01]: now 100, was 120',
      },
      {
        path: 'capacity.months[2027-02]',
        change: 'added',
        after: 60,
        text: 'capacity.months[2027-02]: now 60 (new)',
      },
      {
        path: 'capacity.months[2026-12]',
        change: 'removed',
        before: 40,
        text: 'capacity.months[2026-12]: removed (was 40)',
      },
    ]);
  });

  it('reports a removed rule and an added rule by id', () => {
    const seniority = {
      id: 'seniority',
      label: 'Seniority',
      property: 'hs_seniority',
      in: ['executive'],
      points: 20,
    };
    const next = edited(
      (a) => (a.fit.rules = [...a.fit.rules.filter((r) => r.id !== 'industry'), seniority]),
    );
    expect(diffAgreements(base(), next)).toEqual([
      {
        path: 'fit.rules[seniority]',
        change: 'added',
        after: seniority,
        text: "fit.rules[seniority]: added 'Seniority'",
      },
      {
        path: 'fit.rules[industry]',
        change: 'removed',
        before: rule(base(), 'industry'),
        text: 'fit.rules[industry]: removed',
      },
    ]);
  });

  it('shows a keyword group with its new list and what was added', () => {
    const next = edited((a) => (rule(a, 'role').keywords![1]!.any = ['manager', '課長', 'lead']));
    expect(texts(diffAgreements(base(), next))).toEqual([
      "fit.rules[role]: keyword group 2 now 'manager', '課長', 'lead' (added 'lead')",
    ]);
    expect(diffAgreements(base(), next)[0]?.path).toBe('fit.rules[role].keywords[2].any');
  });

  it('reports keyword groups added, removed and repriced', () => {
    const third = edited((a) => rule(a, 'role').keywords!.push({ any: ['lead'], points: 5 }));
    expect(texts(diffAgreements(base(), third))).toEqual([
      "fit.rules[role]: keyword group 3 added: 'lead' (5 points)",
    ]);
    expect(texts(diffAgreements(third, base()))).toEqual([
      "fit.rules[role]: keyword group 3 removed (was 'lead', 5 points)",
    ]);
    const repriced = edited((a) => (rule(a, 'role').keywords![0]!.points = 35));
    expect(texts(diffAgreements(base(), repriced))).toEqual([
      'fit.rules[role]: keyword group 1 now 35 points, was 30',
    ]);
  });

  it('describes operator, property, label and points changes of a rule', () => {
    const next = edited((a) => {
      const industry = rule(a, 'industry');
      Object.assign(industry, {
        label: 'Industry',
        property: 'industry',
        points: 20,
        in: undefined,
        notIn: ['RETAIL'],
      });
    });
    expect(texts(diffAgreements(base(), next))).toEqual([
      "fit.rules[industry]: label now 'Industry', was 'Target industry'",
      'fit.rules[industry]: now 20 points, was 15',
      'fit.rules[industry]: property now industry, was company.industry',
      "fit.rules[industry]: in removed (was 'COMPUTER_SOFTWARE', 'MACHINERY')",
      "fit.rules[industry]: notIn now 'RETAIL' (new)",
    ]);
  });

  it('describes changes to a signal: stage, points and its when clause', () => {
    const next = edited((a) => {
      const quote = signal(a, 'quote-click');
      Object.assign(quote, { stage: 'comparison', points: 50 });
      quote.when.contains = ['見積', 'quote', 'estimate'];
    });
    expect(texts(diffAgreements(base(), next))).toEqual([
      'intent.signals[quote-click]: stage now comparison, was decision',
      'intent.signals[quote-click]: now 50 points, was 60',
      "intent.signals[quote-click]: when contains now '見積', 'quote', 'estimate' (added 'estimate')",
    ]);
  });

  it('describes name, thresholds, disqualifiers, routing and SLA changes', () => {
    const next = edited((a) => {
      a.name = 'FY2027 H2';
      a.fit.grades.A = 75;
      a.intent.levels['1'] = 50;
      a.disqualify[1]!.endsWith = ['@rival.example', '@other.example'];
      a.routing.decision = 'inside_sales';
      Object.assign(a.sla, {
        firstTouchBusinessDays: 3,
        progressDays: 45,
        timezone: 'UTC',
        holidays: ['2027-01-01'],
      });
      a.capacity.default = 100;
    });
    expect(texts(diffAgreements(base(), next))).toEqual([
      "name: now 'FY2027 H2', was 'FY2027 H1'",
      'fit.grades.A: now 75 points, was 70',
      'intent.levels.1: now 50 points, was 60',
      "disqualify[competitor]: endsWith now '@rival.example', '@other.example' (added '@other.example')",
      'routing[decision]: now inside_sales, was field_sales',
      'sla.firstTouchBusinessDays: now 3 business days, was 2',
      'sla.progressDays: now 45 days, was 30',
      'sla.timezone: now UTC, was Asia/Tokyo',
      'sla.holidays: removed 2027-01-11',
      'capacity.default: now 100 per month, was 80',
    ]);
  });

  it('describes equals, known and date-range conditions', () => {
    const next = edited((a) => {
      signal(a, 'webinar-survey').when.known = false;
      a.disqualify[0] = {
        id: 'customer',
        label: 'Already a customer',
        property: 'lifecyclestage',
        equals: 'customer',
      };
      a.disqualify.push({
        id: 'old',
        label: 'Old lead',
        property: 'createdate',
        between: { to: '2020-01-01' },
      });
    });
    expect(texts(diffAgreements(base(), next))).toEqual([
      'intent.signals[webinar-survey]: when known now false, was true',
      "disqualify[customer]: in removed (was 'customer', 'evangelist')",
      "disqualify[customer]: equals now 'customer' (new)",
      "disqualify[old]: added 'Old lead'",
    ]);
    const moved = edited((a) =>
      a.disqualify.push({
        id: 'old',
        label: 'Old lead',
        property: 'createdate',
        between: { from: '2019-01-01', to: '2020-01-01' },
      }),
    );
    const withOld = edited((a) =>
      a.disqualify.push({
        id: 'old',
        label: 'Old lead',
        property: 'createdate',
        between: { to: '2020-01-01' },
      }),
    );
    expect(texts(diffAgreements(withOld, moved))).toEqual([
      'disqualify[old]: between now 2019-01-01 to 2020-01-01, was … to 2020-01-01',
    ]);
  });

  it('says rules were reordered when only their order changed', () => {
    const next = edited((a) => a.fit.rules.reverse());
    expect(texts(diffAgreements(base(), next))).toEqual([
      'fit.rules: reordered: industry, role, company-size',
    ]);
  });

  it('describes the first version as such', () => {
    expect(diffAgreements(null, base())).toEqual([
      {
        path: 'agreement',
        change: 'added',
        after: 'FY2027 H1',
        text: "agreement: first version 'FY2027 H1'",
      },
    ]);
  });

  it('renders the same changes in Japanese', () => {
    const next = edited((a) => {
      rule(a, 'company-size').bands![1]!.points = 30;
      a.handoff.salesReady = ['A1', 'B1', 'B2'];
      a.capacity.months['2027-02'] = 60;
      a.fit.rules = a.fit.rules.filter((r) => r.id !== 'industry');
    });
    expect(texts(diffAgreements(base(), next, 'ja'))).toEqual([
      'fit.rules[company-size]: 100以上の帯 30点（変更前: 25点）',
      'fit.rules[industry]: 削除',
      'handoff.salesReady: B2を追加、A2を削除',
      'capacity.months[2027-02]: 60（新規）',
    ]);
  });
});

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const words = fc.array(fc.constantFrom('x', 'y', '部長', 'vp'), { minLength: 1, maxLength: 3 });
const fitRule = fc.record({
  id,
  label: fc.constantFrom('One', 'Two'),
  property: fc.constantFrom('jobtitle', 'company.industry'),
  bands: fc.option(
    fc.array(fc.record({ min: fc.integer({ min: 0, max: 5 }), points: fc.integer({ min: 0, max: 3 }) }), {
      maxLength: 3,
    }),
    { nil: undefined },
  ),
  keywords: fc.option(
    fc.array(fc.record({ any: words, points: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
    { nil: undefined },
  ),
  in: fc.option(words, { nil: undefined }),
  known: fc.option(fc.boolean(), { nil: undefined }),
  points: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});
const agreement: fc.Arbitrary<Agreement> = fc
  .record({
    name: fc.constantFrom('H1', 'H2'),
    rules: fc.uniqueArray(fitRule, { selector: (r) => r.id, maxLength: 4 }),
    salesReady: fc.subarray(['A1', 'A2', 'B1', 'B2']),
    halfLife: fc.integer({ min: 1, max: 3 }),
    months: fc.dictionary(fc.constantFrom('2027-01', '2027-02', '2027-03'), fc.integer({ min: 0, max: 3 })),
  })
  .map(({ name, rules, salesReady, halfLife, months }) =>
    edited((a) => {
      a.name = name;
      a.fit.rules = rules.map(
        (r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as typeof r,
      );
      a.handoff.salesReady = salesReady;
      a.intent.signals[0]!.halfLifeDays = halfLife;
      a.capacity.months = months;
    }),
  );

describe('diffAgreements properties', () => {
  it('finds no change between an agreement and a copy of itself', () => {
    fc.assert(fc.property(agreement, (a) => diffAgreements(a, structuredClone(a)).length === 0));
  });

  it('reports at least one change whenever two agreements differ', () => {
    fc.assert(
      fc.property(agreement, agreement, (a, b) => {
        const differ = JSON.stringify(a) !== JSON.stringify(b);
        return !differ || diffAgreements(a, b).length > 0;
      }),
    );
  });
});
