import type { Condition } from '../agreement-schema';
import type { KeywordFinding } from '../qualification';
import { MISSING, NOT_MATCHED, operatorTest, type ValueTest } from './condition-tests';
import { keywordsTest, type KeywordAnswer } from './keywords-test';

/**
 * Most answers a condition keeps per value: job titles, industries and conversion names repeat across a portal,
 * so a few thousand distinct values cover most contacts; past the limit the memo starts over (memory stays flat).
 */
export const MEMO_LIMIT = 2048;

/** Operators whose values repeat across contacts and whose test costs more than a map lookup (text folding). */
function worthMemoizing(c: Condition): boolean {
  return Boolean(c.in || c.notIn || c.equals !== undefined || c.contains);
}

/**
 * A condition compiled once per agreement: which value it reads and how it tests it. Answers for repeated values
 * come from a bounded memo owned by this condition, so they never leak into another condition or agreement.
 */
export class CompiledCondition {
  /** The property it reads (`company.<name>` for the primary company's). */
  declare readonly property: string;
  /** Result for a missing value: MISSING, or a match code for `known`. */
  declare readonly onMissing: number;
  /** `known` conditions answer the same code for every present value; NaN for other operators. */
  declare private readonly whenPresent: number;
  declare private readonly test: ValueTest;
  declare private readonly memo: Map<string, number> | null;
  /** `keywords` conditions: the test that also names the keyword, and its memo (null for other operators). */
  declare private readonly keywords: ((value: string) => KeywordAnswer) | null;
  declare private readonly keywordMemo: Map<string, KeywordAnswer> | null;
  /** The last value a keywords condition answered, so `keywordOf` right after `codeOf` looks nothing up again. */
  declare private lastValue: string | null;
  declare private lastAnswer: KeywordAnswer | null;

  constructor(c: Condition) {
    this.property = c.property;
    this.onMissing = c.known === undefined ? MISSING : c.known ? NOT_MATCHED : 0;
    this.whenPresent = c.known === undefined ? NaN : c.known ? 0 : NOT_MATCHED;
    this.test = operatorTest(c);
    this.memo = worthMemoizing(c) ? new Map() : null;
    this.keywords = c.keywords ? keywordsTest(c.keywords) : null;
    this.keywordMemo = c.keywords ? new Map() : null;
    this.lastValue = null;
    this.lastAnswer = null;
  }

  /** The evaluation code for a value as `readValue` gives it (null: unknown). */
  codeOf(value: string | null): number {
    if (value === null) return this.onMissing;
    if (this.whenPresent === this.whenPresent) return this.whenPresent;
    if (this.keywords !== null) return this.keywordAnswer(value).code;
    const memo = this.memo;
    if (memo === null) return this.test(value);
    let code = memo.get(value);
    if (code === undefined) {
      code = this.test(value);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(value, code);
    }
    return code;
  }

  /**
   * `keywords` conditions: the keyword that matched in the value, or the one an exception cancelled; undefined for
   * other operators, an unknown value, or a value with no keyword in it.
   */
  keywordOf(value: string | null): KeywordFinding | undefined {
    if (value === null || this.keywords === null) return undefined;
    return this.keywordAnswer(value).keyword;
  }

  private keywordAnswer(value: string): KeywordAnswer {
    if (value === this.lastValue && this.lastAnswer !== null) return this.lastAnswer;
    const memo = this.keywordMemo!;
    let answer = memo.get(value);
    if (answer === undefined) {
      answer = this.keywords!(value);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(value, answer);
    }
    this.lastValue = value;
    this.lastAnswer = answer;
    return answer;
  }

  /** How many answers the memo holds now (at most MEMO_LIMIT). */
  get memoSize(): number {
    return (this.memo?.size ?? 0) + (this.keywordMemo?.size ?? 0);
  }
}

/** Compiles a condition: keywords and lists folded, dates parsed, so evaluation does no set-up work. */
export function compileCondition(c: Condition): CompiledCondition {
  return new CompiledCondition(c);
}
