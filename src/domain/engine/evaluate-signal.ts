import type { ContactState, CriterionResult, ObservedChange } from '../qualification';
import { parseDate } from '../values/parse-date';
import { UNPARSABLE } from './condition-tests';
import type { CompiledSignal } from './compile-agreement';
import { Criterion, noteOf as noteOfCode } from './criterion';

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
    if (h.value.trim() === '' || s.condition.codeOf(h.value) < 0 || isRepeat(history, i, h)) continue;
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
  return dateUnknown ? 'date_unknown' : noteOfCode(code);
}

/**
 * Evaluates one signal: the current value counts once, decayed by the age of its `at` date (full weight, flagged
 * `date_unknown`, when that date is unknown); each earlier occurrence seen through webhooks adds its own decayed
 * points. A history entry with the current value within a day of the current date (any date when that is
 * unknown) is the current occurrence and is not counted twice. Writes the newest dated occurrence to `newest[0]`.
 */
export function evaluateSignal(
  s: CompiledSignal,
  values: readonly (string | null)[],
  state: ContactState | undefined,
  now: number,
  newest: Float64Array,
): Criterion {
  const raw = values[s.slot] ?? null;
  const code = s.condition.codeOf(raw);
  const keyword = s.condition.keywordOf(raw);
  const matched = code >= 0;
  const atRaw = matched && s.atSlot >= 0 ? (values[s.atSlot] ?? null) : null;
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
  return new Criterion(
    'signal',
    s.id,
    s.label,
    s.condition.property,
    raw,
    occurrences > 0 ? 'matched' : code === UNPARSABLE ? 'unknown' : 'not_matched',
    points,
    fullPoints,
    youngest === Infinity ? null : youngest,
    occurrences,
    noteOf(code, matched && !dated),
    keyword,
  );
}
