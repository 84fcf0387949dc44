import { fillTemplate, LABELS, type Labels } from './i18n';
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

function age(days: number, l: Labels): string {
  if (days < 1) return l['reason.today'];
  return days < 2 ? l['reason.oneDayAgo'] : fillTemplate(l['reason.daysAgo'], { days: Math.floor(days) });
}

function metPhrase(c: CriterionResult, l: Labels): string {
  if (c.kind !== 'signal') {
    const value = c.value === null ? '' : fillTemplate(l['reason.quote'], { value: shorten(c.value) });
    return `${c.label}${value}${l['reason.open']}${signed(c.points)}${l['reason.close']}`;
  }
  const when = c.ageDays === null || c.ageDays === undefined ? '' : ` ${age(c.ageDays, l)}`;
  const count = c.occurrences ?? 1;
  const times = count > 1 ? fillTemplate(l['reason.times'], { count }) : '';
  const full = Math.round(c.fullPoints ?? c.points);
  const decay = full !== Math.round(c.points) ? fillTemplate(l['reason.decayed'], { full }) : '';
  return `${c.label}${when}${l['reason.open']}${signed(c.points)}${times}${decay}${l['reason.close']}`;
}

function withValue(c: CriterionResult, l: Labels): string {
  const detail =
    c.outcome === 'unknown' ? l[`note.${c.note ?? 'missing'}`] : c.value === null ? null : shorten(c.value);
  return detail === null ? c.label : `${c.label}${l['reason.open']}${detail}${l['reason.close']}`;
}

/** "Not met: a; b. " — titled by the dictionary's word for the outcome or tier, nothing when there are no items. */
function sentence(title: string, items: string[], l: Labels): string {
  return items.length === 0
    ? ''
    : `${title}${l['reason.colon']}${items.join(l['reason.list'])}${l['reason.sentenceEnd']}`;
}

/** "Capacity: Field sales is full for 2026-12. " for a lead the allocation held back; nothing otherwise. */
function heldBackPhrase(q: Qualification, l: Labels): string {
  const held = q.tierReason === 'capacity' ? q.heldBack : undefined;
  if (held === undefined) return '';
  return held.route === null
    ? fillTemplate(l['reason.capacityFull'], { month: held.month })
    : fillTemplate(l['reason.routeFull'], { route: l[`route.${held.route}`], month: held.month });
}

/**
 * Renders a qualification as one short paragraph (the `lead_pact_reasons` property): grade, score and tier, then the
 * criteria that gave points (strongest first), the fit rules not met, and what is unknown. At most 600 characters.
 * Every word comes from the one dictionary the card also reads (`./i18n`).
 */
export function renderReasons(q: Qualification, locale: Locale): string {
  const l = LABELS[locale] ?? LABELS.en;
  const scoring = q.criteria.filter(
    (c) => c.kind !== 'disqualify' && c.outcome === 'matched' && Math.round(c.points) !== 0,
  );
  scoring.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const met = scoring.map((c) => metPhrase(c, l));
  const disqualifiers = q.criteria
    .filter((c) => c.kind === 'disqualify' && c.outcome === 'matched')
    .map((c) => withValue(c, l));
  const notMet = q.criteria
    .filter((c) => c.kind === 'fit' && c.outcome === 'not_matched')
    .map((c) => withValue(c, l));
  const unknown = q.criteria
    .filter((c) => c.kind === 'fit' && c.outcome === 'unknown')
    .map((c) => withValue(c, l))
    .concat(
      q.criteria
        .filter((c) => c.note === 'date_unknown')
        .map((c) => `${c.label}${l['reason.open']}${l['note.date_unknown']}${l['reason.close']}`),
    );
  const head = { grade: q.grade, score: q.score, tier: l[`tier.${q.tier}`] };
  const text = [
    fillTemplate(l['reason.head'], head),
    sentence(l['tier.disqualified'], disqualifiers, l),
    q.tier === 'recycled' ? l['reason.recycled'] : '',
    heldBackPhrase(q, l),
    met.length > 0
      ? `${met.join(l['reason.list'])}${l['reason.sentenceEnd']}`
      : `${l['reason.noCriteria']}${l['reason.sentenceEnd']}`,
    sentence(l['outcome.not_matched'], notMet, l),
    sentence(l['outcome.unknown'], unknown, l),
  ]
    .join('')
    .trim();
  return text.length > MAX_REASONS_LENGTH ? `${text.slice(0, MAX_REASONS_LENGTH - 1)}…` : text;
}
