import fc from 'fast-check';
import type { Agreement } from '../../src/domain/agreement-schema';
import { qualify } from '../../src/domain/qualify';
import type { ContactState } from '../../src/domain/qualification';
import { DAY, NOW } from './builders';
import { exampleAgreement } from './example-agreement';

const example = exampleAgreement();
const names = [
  'jobtitle',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'webinar_survey_answered_at',
  'hs_email_last_click_date',
  'lifecyclestage',
  'email',
];
const value = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    ' ',
    '部長',
    'ＶＰ',
    'Get a quote',
    '見積',
    '1,200',
    '2026-11-01',
    '9999999999999999',
    'NaN',
    ';;',
  ),
  fc.integer({ min: NOW - 400 * DAY, max: NOW + DAY }).map(String),
);
const propertyMap = fc.dictionary(
  fc.oneof(fc.constantFrom(...names), fc.string()),
  fc.option(value, { nil: null }),
);
const companyMap = fc.option(fc.record({ numberofemployees: value, industry: value }, { requiredKeys: [] }), {
  nil: undefined,
});
const state: fc.Arbitrary<ContactState> = fc.record({
  history: fc.array(fc.record({ property: fc.constantFrom(...names), value, at: fc.double() })),
  recycledAt: fc.option(fc.integer({ min: NOW - 100 * DAY, max: NOW }), { nil: null }),
});

function withMorePoints(
  agreement: Agreement,
  ruleIndex: number,
  extra: number,
  kind: 'fit' | 'signal',
): Agreement {
  const changed = structuredClone(agreement);
  if (kind === 'signal') {
    const signal = changed.intent.signals[ruleIndex % changed.intent.signals.length]!;
    signal.points += extra;
  } else {
    const rule = changed.fit.rules[ruleIndex % changed.fit.rules.length]!;
    rule.bands?.forEach((b) => (b.points += extra));
    rule.keywords?.forEach((k) => (k.points += extra));
    if (rule.points !== undefined) rule.points += extra;
  }
  return changed;
}

describe('qualify: properties', () => {
  it('never throws on arbitrary property maps, histories and odd unicode, and keeps the score within 0-100', () => {
    fc.assert(
      fc.property(propertyMap, companyMap, state, fc.double(), (properties, company, s, now) => {
        const q = qualify({ id: 'x', properties, company }, example, Number.isFinite(now) ? now : NOW, s);
        expect(q.score).toBeGreaterThanOrEqual(0);
        expect(q.score).toBeLessThanOrEqual(100);
        expect(q.criteria).toHaveLength(10);
      }),
    );
  });

  it('never lowers the score when a fit rule or a signal gains points', () => {
    fc.assert(
      fc.property(
        propertyMap,
        companyMap,
        fc.nat(10),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom('fit', 'signal'),
        (properties, company, index, extra, kind) => {
          const lead = { id: 'x', properties, company };
          const before = qualify(lead, example, NOW).score;
          const after = qualify(
            lead,
            withMorePoints(example, index, extra, kind as 'fit' | 'signal'),
            NOW,
          ).score;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
