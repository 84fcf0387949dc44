import type { Agreement } from '../../domain/agreement-schema';
import type { ContactRecord, CriterionResult } from '../../domain/qualification';
import type { QuizShownValue } from '../../domain/quiz/quiz-types';

/** A contact's stored value of `property` (`company.<name>` reads its primary company). */
function valueOf(contact: ContactRecord, property: string): string | null {
  const company = property.startsWith('company.');
  const map = company ? contact.company : contact.properties;
  const value = map?.[company ? property.slice('company.'.length) : property];
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** A stored date (epoch ms or ISO, as HubSpot hands them over) as an ISO instant; null when unreadable. */
function instantOf(value: string | null): string | null {
  if (value === null) return null;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * What quiz participants see of a lead: the properties the agreement's fit rules read (facts) and the signals found
 * on it with their dates (actions, newest first). Never its grade, tier, score or points.
 */
export function blindView(
  contact: ContactRecord,
  agreement: Agreement,
  criteria: readonly CriterionResult[],
): { facts: QuizShownValue[]; actions: QuizShownValue[] } {
  const seen = new Set<string>();
  const facts: QuizShownValue[] = [];
  for (const rule of agreement.fit.rules) {
    if (seen.has(rule.property)) continue;
    seen.add(rule.property);
    facts.push({ property: rule.property, label: rule.label, value: valueOf(contact, rule.property) });
  }
  const matched = new Set(
    criteria.filter((c) => c.kind === 'signal' && c.outcome === 'matched').map((c) => c.id),
  );
  const actions: QuizShownValue[] = agreement.intent.signals
    .filter((s) => matched.has(s.id))
    .map((s) => ({
      property: s.when.property,
      label: s.label,
      value: valueOf(contact, s.when.property),
      at: instantOf(s.at === undefined ? null : valueOf(contact, s.at)),
    }));
  actions.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return { facts, actions };
}
