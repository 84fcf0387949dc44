import type { Condition } from '../agreement-schema';
import { normalizeText } from '../values/normalize-text';
import { parseCalendarDay, parseDate } from '../values/parse-date';
import { parseNumber } from '../values/parse-number';
import { someMultiPart } from '../values/split-multi';

/** Evaluation codes: >= 0 is the index of the band or keyword group that matched (0 for other operators). */
export const NOT_MATCHED = -1;
export const MISSING = -2;
export const UNPARSABLE = -3;

/** Tests a present (non-blank) value and answers an evaluation code. */
export type ValueTest = (value: string) => number;

const DAY_MS = 86_400_000;

function foldedSet(values: readonly string[]): Set<string> {
  return new Set(values.flatMap((v) => [v.trim(), normalizeText(v)]));
}

function inSet(set: Set<string>): (part: string) => boolean {
  return (part) => set.has(part) || set.has(normalizeText(part));
}

function betweenTest(range: { from?: string; to?: string }): ValueTest {
  const from = range.from === undefined ? -Infinity : parseDate(range.from);
  // A calendar-day `to` includes that whole day (UTC, like HubSpot date properties).
  const toDay = range.to === undefined ? NaN : parseCalendarDay(range.to.trim());
  const to = range.to === undefined ? Infinity : toDay === toDay ? toDay + DAY_MS - 1 : parseDate(range.to);
  return (value) => {
    const at = parseDate(value);
    if (at !== at) return UNPARSABLE;
    return at >= from && at <= to ? 0 : NOT_MATCHED;
  };
}

function bandsTest(bands: readonly { min: number }[]): ValueTest {
  return (value) => {
    const n = parseNumber(value);
    if (n !== n) return UNPARSABLE;
    for (let i = 0; i < bands.length; i++) if (n >= bands[i]!.min) return i;
    return NOT_MATCHED;
  };
}

const UNDECIDED = -1;

/**
 * Compares the end of `text` with `needle` from the last character back, while those characters are plain
 * lower-case ASCII (no space, no capital): such characters are the same after `normalizeText` and stay the last
 * ones of its result. 1: ends with it, 0: does not, UNDECIDED: a character needs folding first.
 */
function plainSuffix(text: string, needle: string): number {
  const t = text.length;
  const n = needle.length;
  for (let j = 1; j <= n; j++) {
    if (j > t) return UNDECIDED;
    const c = text.charCodeAt(t - j);
    if (c < 33 || c > 126 || (c >= 65 && c <= 90)) return UNDECIDED;
    if (c !== needle.charCodeAt(n - j)) return 0;
  }
  return 1;
}

/** `endsWith`: values like e-mail addresses rarely repeat, so a plain ending is compared without folding. */
function endsWithTest(needles: readonly string[]): ValueTest {
  return (value) => {
    let folded: string | null = null;
    for (let i = 0; i < needles.length; i++) {
      const needle = needles[i]!;
      const plain = plainSuffix(value, needle);
      if (plain === 1) return 0;
      if (plain === UNDECIDED) {
        folded ??= normalizeText(value);
        if (folded.endsWith(needle)) return 0;
      }
    }
    return NOT_MATCHED;
  };
}

function textTest(needles: readonly string[], how: 'contains' | 'endsWith'): ValueTest {
  const folded = needles.map(normalizeText).filter((n) => n !== '');
  if (how === 'endsWith') return endsWithTest(folded);
  return (value) => {
    const text = normalizeText(value);
    for (let i = 0; i < folded.length; i++) if (text.includes(folded[i]!)) return 0;
    return NOT_MATCHED;
  };
}

/**
 * The test of a condition's operator, with its lists folded and its dates parsed once. `keywords` has its own test
 * (keywords-test.ts), which also says which keyword matched or was cancelled.
 */
export function operatorTest(c: Condition): ValueTest {
  if (c.bands) return bandsTest(c.bands);
  if (c.in || c.notIn) {
    const member = inSet(foldedSet(c.in ?? c.notIn ?? []));
    const [whenMember, otherwise] = c.in ? [0, NOT_MATCHED] : [NOT_MATCHED, 0];
    return (value) => (someMultiPart(value, member) ? whenMember : otherwise);
  }
  if (c.equals !== undefined) {
    const member = inSet(foldedSet([c.equals]));
    return (value) => (someMultiPart(value, member) ? 0 : NOT_MATCHED);
  }
  if (c.contains) return textTest(c.contains, 'contains');
  if (c.endsWith) return textTest(c.endsWith, 'endsWith');
  if (c.between) return betweenTest(c.between);
  if (c.known !== undefined) return c.known ? () => 0 : () => NOT_MATCHED;
  return () => NOT_MATCHED;
}
