import { NOTE_LABELS, TIER_LABELS } from './i18n/labels';
import { REASON_MESSAGES, type ReasonMessages } from './i18n/reason-messages';
import type { CriterionResult, Locale, Qualification } from './qualification';

/** `lead_pact_reasons` is a CRM text property read at a glance: keep it to one short paragraph. */
export const MAX_REASONS_LENGTH = 600;
const MAX_VALUE_LENGTH = 40;

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_VALUE_LENGTH ? `${flat.slice(0, MAX_VALUE_LENGTH - 1)}…` : flat;
}

function signed(points: number): string {
  const rounded = Math.round(points);
  return rounded >= 0 ? `+${rounded}` : `−${-rounded}`;
}

function metPhrase(c: CriterionResult, m: ReasonMessages): string {
  if (c.kind !== 'signal') {
    const value = c.value === null ? '' : m.quote(shorten(c.value));
    return `${c.label}${value}${m.open}${signed(c.points)}${m.close}`;
  }
  const when = c.ageDays === null || c.ageDays === undefined ? '' : ` ${m.age(c.ageDays)}`;
  const times = (c.occurrences ?? 1) > 1 ? m.times(c.occurrences!) : '';
  const full = Math.round(c.fullPoints ?? c.points);
  const decay = full !== Math.round(c.points) ? m.decayed(full) : '';
  return `${c.label}${when}${m.open}${signed(c.points)}${times}${decay}${m.close}`;
}

function withValue(c: CriterionResult, m: ReasonMessages, locale: Locale): string {
  const detail =
    c.outcome === 'unknown'
      ? NOTE_LABELS[locale][c.note ?? 'missing']
      : c.value === null
        ? null
        : shorten(c.value);
  return detail === null ? c.label : `${c.label}${m.open}${detail}${m.close}`;
}

function sentence(title: string, items: string[], m: ReasonMessages): string {
  return items.length === 0 ? '' : `${title}${items.join(m.list)}${m.sentenceEnd}`;
}

/**
 * Renders a qualification as one short paragraph (the `lead_pact_reasons` property): grade, score and tier, then the
 * criteria that gave points (strongest first), the fit rules not met, and what is unknown. At most 600 characters.
 */
export function renderReasons(q: Qualification, locale: Locale): string {
  const m = REASON_MESSAGES[locale] ?? REASON_MESSAGES.en;
  const scoring = q.criteria.filter(
    (c) => c.kind !== 'disqualify' && c.outcome === 'matched' && Math.round(c.points) !== 0,
  );
  scoring.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const met = scoring.map((c) => metPhrase(c, m));
  const disqualifiers = q.criteria
    .filter((c) => c.kind === 'disqualify' && c.outcome === 'matched')
    .map((c) => withValue(c, m, locale));
  const notMet = q.criteria
    .filter((c) => c.kind === 'fit' && c.outcome === 'not_matched')
    .map((c) => withValue(c, m, locale));
  const unknown = q.criteria
    .filter((c) => c.kind === 'fit' && c.outcome === 'unknown')
    .map((c) => withValue(c, m, locale))
    .concat(
      q.criteria
        .filter((c) => c.note === 'date_unknown')
        .map((c) => `${c.label}${m.open}${NOTE_LABELS[locale].date_unknown}${m.close}`),
    );
  const text = [
    m.head(q.grade, q.score, TIER_LABELS[locale][q.tier]),
    sentence(m.disqualifiedBy, disqualifiers, m),
    q.tier === 'recycled' ? m.recycled : '',
    met.length > 0 ? `${met.join(m.list)}${m.sentenceEnd}` : `${m.noCriteria}${m.sentenceEnd}`,
    sentence(m.notMet, notMet, m),
    sentence(m.unknown, unknown, m),
  ]
    .join('')
    .trim();
  return text.length > MAX_REASONS_LENGTH ? `${text.slice(0, MAX_REASONS_LENGTH - 1)}…` : text;
}
