import type { KeywordFinding } from '../qualification';
import { keyword, keywordFitsAt, matchKeyword, nextKeyword, type Keyword } from '../values/match-keyword';
import { normalizeText } from '../values/normalize-text';
import { NOT_MATCHED } from './condition-tests';

/** Evaluation code of a value, with the keyword behind it (undefined when no keyword was found at all). */
export interface KeywordAnswer {
  readonly code: number;
  readonly keyword: KeywordFinding | undefined;
}

/** An exception that contains a keyword at `offset` (once per place it does), with the answer it gives. */
interface Cancel {
  exception: Keyword;
  offset: number;
  answer: KeywordAnswer;
}

interface CompiledKeyword {
  keyword: Keyword;
  matched: KeywordAnswer;
  /** Exceptions of the group that contain this keyword; empty when none (then a plain search does). */
  cancels: readonly Cancel[];
}

/** The answer for a value in which no keyword of any group was found. */
const NONE: KeywordAnswer = Object.freeze({ code: NOT_MATCHED, keyword: undefined });

function answer(code: number, finding: KeywordFinding): KeywordAnswer {
  return Object.freeze({ code, keyword: Object.freeze(finding) });
}

/** Every place `needle` starts in `text` (raw, overlapping). */
function offsetsOf(text: string, needle: string): number[] {
  const offsets: number[] = [];
  if (needle === '') return offsets;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) offsets.push(at);
  return offsets;
}

function compileGroup(group: { any: readonly string[]; except?: readonly string[] }, g: number) {
  const exceptions = (group.except ?? [])
    .map((text) => ({ text, k: keyword(normalizeText(text)) }))
    .filter((e) => e.k.text !== '');
  return group.any.map((text): CompiledKeyword => {
    const k = keyword(normalizeText(text));
    const cancels: Cancel[] = [];
    for (const e of exceptions) {
      // An exception equal to the keyword is refused by validation; it contains the keyword only strictly.
      if (e.k.text === k.text || !matchKeyword(e.k.text, k)) continue;
      const cancelled = answer(NOT_MATCHED, { text, cancelledBy: e.text });
      for (const offset of offsetsOf(e.k.text, k.text))
        cancels.push({ exception: e.k, offset, answer: cancelled });
    }
    return { keyword: k, matched: answer(g, { text }), cancels };
  });
}

/** The cancel whose exception covers the keyword occurrence at `at` in `folded`, or undefined. */
function cancelAt(folded: string, cancels: readonly Cancel[], at: number): Cancel | undefined {
  for (let i = 0; i < cancels.length; i++) {
    const c = cancels[i]!;
    const start = at - c.offset;
    if (start >= 0 && folded.startsWith(c.exception.text, start) && keywordFitsAt(folded, c.exception, start))
      return c;
  }
  return undefined;
}

/**
 * The test of a `keywords` operator: the first group with a keyword occurrence that no exception of its group
 * cancels gives its index. An exception cancels the occurrence it contains at that very place, so 営業部長代理
 * does not count as 部長 while 本部長 兼 課長補佐 still counts through 本部長. Exceptions are folded and bounded
 * like keywords (NFKC, case; a Latin end only on a word boundary). With no match, the first cancelled keyword
 * is the answer's finding.
 */
export function keywordsTest(
  groups: readonly { any: readonly string[]; except?: readonly string[] }[],
): (value: string) => KeywordAnswer {
  const compiled = groups.map(compileGroup);
  return (value) => {
    const folded = normalizeText(value);
    let cancelled: KeywordAnswer | undefined;
    for (let g = 0; g < compiled.length; g++) {
      const group = compiled[g]!;
      for (let i = 0; i < group.length; i++) {
        const k = group[i]!;
        if (k.cancels.length === 0) {
          if (matchKeyword(folded, k.keyword)) return k.matched;
          continue;
        }
        for (
          let at = nextKeyword(folded, k.keyword, 0);
          at >= 0;
          at = nextKeyword(folded, k.keyword, at + 1)
        ) {
          const cancel = cancelAt(folded, k.cancels, at);
          if (cancel === undefined) return k.matched;
          cancelled ??= cancel.answer;
        }
      }
    }
    return cancelled ?? NONE;
  };
}
