import type { ContactRecord, ContactState, CriterionResult, ObservedChange } from '../qualification';
import { parseDate } from '../values/parse-date';
import { MISSING, UNPARSABLE } from './compile-condition';
import type { CompiledSignal } from './compile-agreement';
import { readValue } from './read-value';

const DAY_MS = 86_400_000;

/** Occurrences counted from the webhook history (only built when a contact has one). */
interface HistoryTally {
  points: number;
  fullPoints: number;
  occurrences: number;
  newestAt: number;
  youngest: number;
}

function ageDays(at: number, now: number): number {
  return now > at ? (now - at) / DAY_MS : 0;
}

function isRepeat(history: readonly ObservedChange[], index: number, h: ObservedChange): boolean {
  for (let i = 0; i < index; i++) {
    const o = history[i];
    if (o && o.property === h.property && o.value === h.value && o.at === h.at) return true;
  }
  return false;
}

function countHistory(
  s: CompiledSignal,
  history: readonly ObservedChange[],
  current: string | null,
  currentAt: number,
  now: number,
): HistoryTally {
  const tally = { points: 0, fullPoints: 0, occurrences: 0, newestAt: -Infinity, youngest: Infinity };
  let currentSeen = current === null;
  for (let i = 0; i < history.length; i++) {
    const h = history[i];
    if (!h || h.property !== s.condition.property || typeof h.value !== 'string' || !Number.isFinite(h.at))
      continue;
    if (h.value.trim() === '' || s.condition.test(h.value) < 0 || isRepeat(history, i, h)) continue;
    // The current value shows up in the history too: that entry is the same occurrence, not another one.
    if (
      !currentSeen &&
      h.value === current &&
      (currentAt !== currentAt || Math.abs(h.at - currentAt) <= DAY_MS)
    ) {
      currentSeen = true;
      continue;
    }
    const age = ageDays(h.at, now);
    tally.points += s.points * Math.exp(-s.lambda * age);
    tally.fullPoints += s.points;
    tally.occurrences++;
    tally.newestAt = Math.max(tally.newestAt, h.at);
    tally.youngest = Math.min(tally.youngest, age);
  }
  return tally;
}

function noteOf(code: number, dateUnknown: boolean): CriterionResult['note'] {
  return dateUnknown
    ? 'date_unknown'
    : code === UNPARSABLE
      ? 'unparsable'
      : code === MISSING
        ? 'missing'
        : undefined;
}

/**
 * Evaluates one signal: the current value counts once, decayed by the age of its `at` date (full weight, flagged
 * `date_unknown`, when that date is unknown); each earlier occurrence seen through webhooks adds its own decayed
 * points. A history entry with the current value within a day of the current date (any date when that is
 * unknown) is the current occurrence and is not counted twice. Writes the newest dated occurrence to `newest[0]`.
 */
export function evaluateSignal(
  s: CompiledSignal,
  contact: ContactRecord,
  state: ContactState | undefined,
  now: number,
  newest: Float64Array,
): CriterionResult {
  const raw = readValue(contact, s.condition);
  const code = raw === null ? s.condition.onMissing : s.condition.test(raw);
  const matched = code >= 0;
  const atRaw = matched && s.at !== null ? readValue(contact, s.at) : null;
  const currentAt = atRaw === null ? NaN : parseDate(atRaw);
  const dated = currentAt === currentAt;
  const age = dated ? ageDays(currentAt, now) : NaN;
  let points = matched ? (dated ? s.points * Math.exp(-s.lambda * age) : s.points) : 0;
  let fullPoints = matched ? s.points : 0;
  let occurrences = matched ? 1 : 0;
  let youngest = dated ? age : Infinity;
  newest[0] = dated ? currentAt : -Infinity;
  const history = state?.history;
  if (Array.isArray(history) && history.length > 0) {
    const more = countHistory(s, history, matched ? raw : null, currentAt, now);
    points += more.points;
    fullPoints += more.fullPoints;
    occurrences += more.occurrences;
    youngest = Math.min(youngest, more.youngest);
    newest[0] = Math.max(newest[0]!, more.newestAt);
  }
  return {
    kind: 'signal',
    id: s.id,
    label: s.label,
    property: s.condition.property,
    value: raw,
    outcome: occurrences > 0 ? 'matched' : code === UNPARSABLE ? 'unknown' : 'not_matched',
    points,
    fullPoints,
    ageDays: youngest === Infinity ? null : youngest,
    occurrences,
    note: noteOf(code, matched && !dated),
  };
}
