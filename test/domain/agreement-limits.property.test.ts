import fc from 'fast-check';
import { AGREEMENT_LIMITS as L } from '../../src/domain/agreement/agreement-limits';
import { parseAgreement } from '../../src/domain/parse-agreement';
import { agreementWithinLimits, agreementWithRules } from './agreement-arbitraries';
import { exampleJson } from './example-agreement';

// The breakers reach into a loosely typed copy of the example, as a hostile client would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const bytes = (doc: unknown) => Buffer.byteLength(JSON.stringify(doc), 'utf8');
const n = (count: number) => count.toLocaleString('en-US');
const many = <T>(count: number, item: (i: number) => T) => Array.from({ length: count }, (_, i) => item(i));
const rule = (i: number) => ({ id: `r${i}`, label: 'R', property: 'jobtitle', in: ['x'], points: 1 });
const signal = (i: number) => ({
  id: `s${i}`,
  label: 'S',
  stage: 'interest',
  when: { property: 'jobtitle', known: true },
  points: 1,
  halfLifeDays: 7,
});

/** One limit broken by `over` (1..): where the problem must be reported and the limit it must name. */
interface Breaker {
  path: string;
  limit: number;
  break(doc: Doc, over: number): void;
}
const breakers: Breaker[] = [
  { path: 'fit.rules', limit: L.rules, break: (d, o) => (d.fit.rules = many(L.rules + o, rule)) },
  {
    path: 'intent.signals',
    limit: L.signals,
    break: (d, o) => (d.intent.signals = many(L.signals + o, signal)),
  },
  {
    path: 'disqualify',
    limit: L.disqualifiers,
    break: (d, o) => (d.disqualify = many(L.disqualifiers + o, rule)),
  },
  {
    path: 'fit.rules[0].bands',
    limit: L.bands,
    break: (d, o) => (d.fit.rules[0].bands = many(L.bands + o, (i) => ({ min: i, points: 1 }))),
  },
  {
    path: 'fit.rules[1].keywords',
    limit: L.keywordGroups,
    break: (d, o) =>
      (d.fit.rules[1].keywords = many(L.keywordGroups + o, () => ({ any: ['vp'], points: 1 }))),
  },
  {
    path: 'fit.rules[1].keywords',
    limit: L.keywordsPerRule,
    break: (d, o) =>
      (d.fit.rules[1].keywords = [
        { any: many(L.keywordsPerRule / 2, (i) => `k${i}`), points: 2 },
        { any: many(L.keywordsPerRule / 2 + o, (i) => `m${i}`), points: 1 },
      ]),
  },
  {
    path: 'fit.rules[2].in',
    limit: L.listValues,
    break: (d, o) => (d.fit.rules[2].in = many(L.listValues + o, String)),
  },
  {
    path: 'intent.signals[0].when.contains',
    limit: L.listValues,
    break: (d, o) => (d.intent.signals[0].when.contains = many(L.listValues + o, String)),
  },
  {
    path: 'disqualify[1].endsWith',
    limit: L.listValues,
    break: (d, o) => (d.disqualify[1].endsWith = many(L.listValues + o, (i) => `@x${i}.example`)),
  },
  {
    path: 'handoff.salesReady',
    limit: L.salesReady,
    break: (d, o) => (d.handoff.salesReady = many(L.salesReady + o, () => 'A1')),
  },
  {
    path: 'routing',
    limit: L.routes,
    break: (d, o) => (d.routing = Object.fromEntries(many(L.routes + o, (i) => [`stage${i}`, 'marketing']))),
  },
  {
    path: 'sla.holidays',
    limit: L.holidays,
    break: (d, o) => (d.sla.holidays = many(L.holidays + o, () => '2027-01-01')),
  },
  {
    path: 'capacity.months',
    limit: L.capacityMonths,
    break: (d, o) =>
      (d.capacity.months = Object.fromEntries(many(L.capacityMonths + o, (i) => [`m${i}`, 1]))),
  },
  {
    path: 'fit.rules[0].id',
    limit: L.idChars,
    break: (d, o) => (d.fit.rules[0].id = 'a'.repeat(L.idChars + o)),
  },
  {
    path: 'intent.signals[2].label',
    limit: L.labelChars,
    break: (d, o) => (d.intent.signals[2].label = 'x'.repeat(L.labelChars + o)),
  },
  { path: 'name', limit: L.labelChars, break: (d, o) => (d.name = '名'.repeat(L.labelChars + o)) },
  {
    path: 'fit.rules[0].property',
    limit: L.propertyChars,
    break: (d, o) => (d.fit.rules[0].property = `company.${'p'.repeat(L.propertyChars + o)}`),
  },
  {
    path: 'intent.signals[1].at',
    limit: L.propertyChars,
    break: (d, o) => (d.intent.signals[1].at = 'p'.repeat(L.propertyChars + o)),
  },
  {
    path: 'fit.rules[1].keywords[0].any[3]',
    limit: L.keywordChars,
    break: (d, o) => (d.fit.rules[1].keywords[0].any[3] = '部'.repeat(L.keywordChars + o)),
  },
  {
    path: 'fit.rules[1].keywords',
    limit: L.keywordExceptionsPerRule,
    break: (d, o) =>
      (d.fit.rules[1].keywords[0].except = many(L.keywordExceptionsPerRule + o, (i) => `部長代理${i}`)),
  },
  {
    path: 'fit.rules[1].keywords[1].except[0]',
    limit: L.keywordChars,
    break: (d, o) => (d.fit.rules[1].keywords[1].except = [`課長${'補'.repeat(L.keywordChars + o - 2)}`]),
  },
  {
    path: 'disqualify[0].in[1]',
    limit: L.valueChars,
    break: (d, o) => (d.disqualify[0].in[1] = 'v'.repeat(L.valueChars + o)),
  },
  {
    path: 'intent.signals[3].when.equals',
    limit: L.valueChars,
    break: (d, o) => (d.intent.signals[3].when = { property: 'x', equals: 'v'.repeat(L.valueChars + o) }),
  },
  {
    path: 'sla.timezone',
    limit: L.timezoneChars,
    break: (d, o) => (d.sla.timezone = 'Z'.repeat(L.timezoneChars + o)),
  },
  {
    path: 'sla.firstTouchBusinessDays',
    limit: L.firstTouchBusinessDays,
    break: (d, o) => (d.sla.firstTouchBusinessDays = L.firstTouchBusinessDays + o),
  },
  {
    path: 'sla.progressDays',
    limit: L.progressDays,
    break: (d, o) => (d.sla.progressDays = L.progressDays + o),
  },
  {
    path: 'intent.signals[4].halfLifeDays',
    limit: L.halfLifeDays,
    break: (d, o) => (d.intent.signals[4].halfLifeDays = L.halfLifeDays + o),
  },
  {
    path: '(root)',
    limit: L.documentBytes / 1024,
    // Every list within its limit, the whole too big: 50 rules of 500 values of ~20 bytes.
    break: (d, o) =>
      (d.fit.rules = many(L.rules, (i) => ({
        ...rule(i),
        in: many(L.listValues, (k) => `VALUE_${k}_${'x'.repeat(o % 8)}`),
      }))),
  },
];

describe('agreement limits', () => {
  it('the example agreement sits far below every limit', () => {
    const doc = exampleJson();
    expect(parseAgreement(doc).success).toBe(true);
    expect(bytes(doc) * 50).toBeLessThan(L.documentBytes);
    expect(doc.fit.rules.length * 10).toBeLessThanOrEqual(L.rules);
    expect(doc.intent.signals.length * 10).toBeLessThanOrEqual(L.signals);
  });

  it('When every list and string is anywhere up to its limit, then the agreement is accepted (or refused only for its size)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(agreementWithinLimits, (doc) => {
        const result = parseAgreement(doc);
        if (bytes(doc) <= L.documentBytes) {
          expect(result).toMatchObject({ success: true });
          accepted++;
        } else {
          expect(result.success || result.errors.map((e) => e.path)).toEqual(['(root)']);
        }
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('When any one limit is exceeded, then it is refused at that path, naming the limit and what it got', () => {
    fc.assert(
      fc.property(fc.constantFrom(...breakers), fc.integer({ min: 1, max: 300 }), (breaker, over) => {
        const doc = exampleJson() as Doc;
        breaker.break(doc, over);
        const result = parseAgreement(doc);
        expect(result.success).toBe(false);
        const problem = !result.success && result.errors.find((e) => e.path === breaker.path);
        expect(problem && problem.message).toMatch(
          new RegExp(`^at most ${n(breaker.limit)} .*\\(got [\\d,]+( KB)?\\)$`),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('When an agreement has 10,000 rules (970 KB), then it is refused at fit.rules and for its size, and nothing else is said', () => {
    const doc = agreementWithRules(10_000);
    expect(Math.round(bytes(doc) / 1024)).toBeGreaterThanOrEqual(950);
    const result = parseAgreement(doc);
    expect(result).toEqual({
      success: false,
      errors: [
        { path: '(root)', message: expect.stringMatching(/^at most 256 KB of JSON \(got 9\d\d KB\)$/) },
        { path: 'fit.rules', message: 'at most 50 rules (got 10,000)' },
      ],
    });
  });

  it('When a document has thousands of problems, then the first 99 are listed and the rest counted', () => {
    const doc = exampleJson() as Doc;
    doc.fit.rules = many(L.rules, (i) => ({
      ...rule(i),
      in: many(L.listValues, () => 'v'.repeat(L.valueChars + 1)),
    }));
    const result = parseAgreement(doc);
    expect(!result.success && result.errors.length).toBe(L.problems);
    expect(!result.success && result.errors.at(-1)).toEqual({
      path: '(root)',
      message: expect.stringMatching(/^and [\d,]+ more problems$/),
    });
  });
});
