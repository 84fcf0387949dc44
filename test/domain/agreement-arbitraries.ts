import fc from 'fast-check';
import example from '../../examples/agreement.json';
import { GRADES, ROUTES, STAGES } from '../../src/domain/agreement-schema';
import { AGREEMENT_LIMITS as L } from '../../src/domain/agreement/agreement-limits';

type Json = Record<string, unknown>;

/** Mostly small, sometimes exactly `max`: documents sit at each limit often without all of them being huge. */
const upTo = (max: number, small = 4) =>
  fc.oneof({ arbitrary: fc.integer({ min: 1, max: Math.min(small, max) }), weight: 8 }, fc.constant(max));
/** Text of 1..max characters, ASCII or Japanese (3 UTF-8 bytes each). */
const text = (max: number) =>
  fc.tuple(upTo(max, 12), fc.constantFrom('a', '部', 'Ｖ')).map(([n, c]) => c.repeat(n));
/** A lowercase id of up to 64 characters, unique through its index. */
const id = (prefix: string, i: number) =>
  upTo(L.idChars, 12).map((n) => `${prefix}${i}`.padEnd(Math.max(n, `${prefix}${i}`.length), 'a'));
const property = fc
  .tuple(upTo(L.propertyChars, 20), fc.boolean())
  .map(([n, company]) => `${company ? 'company.' : ''}${'p'.repeat(n)}`);
/** `count` texts of up to `maxChars` each. */
const texts = (count: fc.Arbitrary<number>, maxChars: number) =>
  count.chain((n) => fc.array(text(maxChars), { minLength: n, maxLength: n }));
/** A few values of any length up to `maxChars`, or a list at its limit of short ones (the document stays in size). */
const values = (max: number, maxChars: number) =>
  fc.oneof(
    { arbitrary: texts(fc.integer({ min: 1, max: 4 }), maxChars), weight: 8 },
    texts(fc.constant(max), 8),
  );

const keywords = upTo(L.keywordGroups).chain((groups) =>
  fc.array(
    fc.record({
      any: values(Math.floor(L.keywordsPerRule / groups), L.keywordChars),
      points: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: groups, maxLength: groups },
  ),
);
const bands = upTo(L.bands).chain((n) =>
  fc.array(fc.record({ min: fc.integer({ min: 0, max: 10_000 }), points: fc.integer({ min: 0, max: 50 }) }), {
    minLength: n,
    maxLength: n,
  }),
);

/** One condition operator with its value; `points` for the operators that take it on the rule. */
const condition = fc.oneof(
  fc.record({ in: values(L.listValues, L.valueChars) }),
  fc.record({ notIn: values(L.listValues, L.valueChars) }),
  fc.record({ contains: values(L.listValues, L.valueChars) }),
  fc.record({ endsWith: values(L.listValues, L.valueChars) }),
  fc.record({ equals: text(L.valueChars) }),
  fc.record({ known: fc.boolean() }),
);
const fitCondition = fc.oneof(
  condition.map((c) => ({ ...c, points: 10 })),
  keywords.map((k) => ({ keywords: k })),
  bands.map((b) => ({ bands: b })),
);

const list = <T>(max: number, item: (i: number) => fc.Arbitrary<T>) =>
  fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => item(i))));

const rule = (i: number) =>
  fc
    .tuple(id('rule', i), text(L.labelChars), property, fitCondition)
    .map(([ruleId, label, prop, c]) => ({ id: ruleId, label, property: prop, ...c }));
const signal = (i: number) =>
  fc
    .tuple(id('signal', i), text(L.labelChars), fc.constantFrom(...STAGES), property, condition, property)
    .map(([signalId, label, stage, prop, c, at]) => ({
      id: signalId,
      label,
      stage,
      when: { property: prop, ...c },
      at,
      points: 20,
      halfLifeDays: 14,
    }));
const disqualifier = (i: number) =>
  fc
    .tuple(id('dq', i), text(L.labelChars), property, condition)
    .map(([dqId, label, prop, c]) => ({ id: dqId, label, property: prop, ...c }));

const day = (k: number) => new Date(Date.UTC(2027, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
const month = (k: number) => `${2027 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

/** Valid agreements with every list and string anywhere from tiny to exactly at its limit. */
export const agreementWithinLimits = fc
  .record({
    name: text(L.labelChars),
    rules: list(L.rules, rule),
    signals: list(L.signals, signal),
    disqualify: list(L.disqualifiers, disqualifier),
    salesReady: fc.array(fc.constantFrom(...GRADES), { maxLength: L.salesReady }),
    routes: fc.subarray([...STAGES]),
    route: fc.constantFrom(...ROUTES),
    timezone: fc.constantFrom('Asia/Tokyo', 'UTC', 'America/Argentina/ComodRivadavia'),
    holidays: fc.integer({ min: 0, max: L.holidays }),
    months: fc.integer({ min: 0, max: L.capacityMonths }),
    firstTouch: fc.integer({ min: 0, max: L.firstTouchBusinessDays }),
    progress: fc.integer({ min: 0, max: L.progressDays }),
    halfLife: fc.integer({ min: 1, max: L.halfLifeDays }),
  })
  .map((a) => ({
    schema: 'lead-pact/agreement@1',
    name: a.name,
    fit: { rules: a.rules, grades: { A: 70, B: 45, C: 20 } },
    intent: {
      signals: a.signals.map((s, i) => (i === 0 ? { ...s, halfLifeDays: a.halfLife } : s)),
      levels: { '1': 60, '2': 35, '3': 15 },
    },
    disqualify: a.disqualify,
    handoff: { salesReady: a.salesReady },
    routing: Object.fromEntries(a.routes.map((stage) => [stage, a.route])),
    sla: {
      firstTouchBusinessDays: a.firstTouch,
      progressDays: a.progress,
      timezone: a.timezone,
      holidays: Array.from({ length: a.holidays }, (_, k) => day(k)),
    },
    capacity: {
      default: 80,
      months: Object.fromEntries(Array.from({ length: a.months }, (_, k) => [month(k), 10])),
    },
  }));

/** The example agreement with `rules` fit rules of one realistic shape (each about 97 bytes of JSON). */
export function agreementWithRules(rules: number): Json {
  const doc = structuredClone(example) as Json & { fit: { rules: unknown[] } };
  doc.fit.rules = Array.from({ length: rules }, (_, i) => ({
    id: `rule-${i}`,
    label: `Rule ${i}`,
    property: 'industry',
    in: ['COMPUTER_SOFTWARE'],
    points: 1,
  }));
  return doc;
}
