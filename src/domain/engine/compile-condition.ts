import type { Condition } from '../agreement-schema';
import { MISSING, NOT_MATCHED, operatorTest, type ValueTest } from './condition-tests';

/**
 * Most answers a condition keeps per value: job titles, industries and conversion names repeat across a portal,
 * so a few thousand distinct values cover most contacts; past the limit the memo starts over (memory stays flat).
 */
export const MEMO_LIMIT = 2048;

/** Operators whose values repeat across contacts and whose test costs more than a map lookup (text folding). */
function worthMemoizing(c: Condition): boolean {
  return Boolean(c.keywords || c.in || c.notIn || c.equals !== undefined || c.contains);
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

  constructor(c: Condition) {
    this.property = c.property;
    this.onMissing = c.known === undefined ? MISSING : c.known ? NOT_MATCHED : 0;
    this.whenPresent = c.known === undefined ? NaN : c.known ? 0 : NOT_MATCHED;
    this.test = operatorTest(c);
    this.memo = worthMemoizing(c) ? new Map() : null;
  }

  /** The evaluation code for a value as `readValue` gives it (null: unknown). */
  codeOf(value: string | null): number {
    if (value === null) return this.onMissing;
    if (this.whenPresent === this.whenPresent) return this.whenPresent;
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

  /** How many answers the memo holds now (at most MEMO_LIMIT). */
  get memoSize(): number {
    return this.memo === null ? 0 : this.memo.size;
  }
}

/** Compiles a condition: keywords and lists folded, dates parsed, so evaluation does no set-up work. */
export function compileCondition(c: Condition): CompiledCondition {
  return new CompiledCondition(c);
}
