import type { Agreement, FitRule, Signal } from '../../src/domain/agreement-schema';
import type { ContactRecord, PropertyMap } from '../../src/domain/qualification';
import { parseAgreement } from '../../src/domain/parse-agreement';
import { exampleAgreement } from './example-agreement';

export const DAY = 86_400_000;
/** Friday 2026-11-27 12:00 UTC: the "now" of every engine test. */
export const NOW = Date.UTC(2026, 10, 27, 12);

/** A contact with the given properties and, optionally, company properties. */
export const contact = (properties: PropertyMap, company?: PropertyMap): ContactRecord => ({
  id: 'c1',
  properties,
  company,
});

/** An ISO date `days` days before NOW. */
export const daysAgo = (days: number): string => new Date(NOW - days * DAY).toISOString();

/** A valid agreement built from the example with overrides; fails the test when the result is invalid. */
export function agreementWith(change: (a: Agreement) => void): Agreement {
  const agreement = exampleAgreement();
  change(agreement);
  const parsed = parseAgreement(agreement);
  if (!parsed.success) throw new Error(`test agreement is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.data;
}

/** The example agreement with only this fit rule (so fit points = this rule's points). */
export const onlyRule = (rule: Omit<FitRule, 'id' | 'label'>): Agreement =>
  agreementWith((a) => {
    a.fit.rules = [{ id: 'rule', label: 'Rule', ...rule } as FitRule];
  });

/** The example agreement with only this signal. */
export const onlySignal = (signal: Partial<Signal>): Agreement =>
  agreementWith((a) => {
    a.intent.signals = [
      {
        id: 'quote',
        label: 'Asked for a quote',
        stage: 'decision',
        when: { property: 'recent_conversion_event_name', contains: ['quote'] },
        at: 'recent_conversion_date',
        points: 60,
        halfLifeDays: 14,
        ...signal,
      },
    ];
  });
