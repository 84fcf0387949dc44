import type { Agreement, Condition } from '../agreement-schema';
import type { CriterionResult, Qualification } from '../qualification';

/** Values kept per cancelled keyword, to show what the exception caught. */
export const KEYWORD_EXCEPTION_EXAMPLES = 3;

/** A keyword an exception cancelled, and for how many contacts that left the criterion without a keyword. */
export interface KeywordCancellation {
  kind: CriterionResult['kind'];
  /** The rule, signal or disqualifier. */
  id: string;
  label: string;
  keyword: string;
  cancelledBy: string;
  contacts: number;
  /** The first few distinct values it happened to (up to KEYWORD_EXCEPTION_EXAMPLES). */
  examples: string[];
}

const hasExceptions = (c: Condition | undefined) => Boolean(c?.keywords?.some((g) => g.except?.length));

/** True when a rule, signal or disqualifier of the agreement lists keyword exceptions. */
export function agreementHasKeywordExceptions(agreement: Agreement): boolean {
  return (
    agreement.fit.rules.some(hasExceptions) ||
    agreement.intent.signals.some((s) => hasExceptions(s.when)) ||
    agreement.disqualify.some(hasExceptions)
  );
}

/**
 * Counts, over a simulation, the contacts whose keyword criterion found only keywords its exceptions cancelled
 * (営業部長代理 under 部長 except 部長代理), per keyword and exception. A contact whose cancelled keyword gave way to
 * another keyword of the rule (部長代理 兼 課長: 課長 counts) is not counted: its criterion names the keyword that did.
 * Null result when the agreement has no exceptions, so the simulation's output is as it was.
 */
export function createKeywordExceptionTally(agreement: Agreement) {
  const enabled = agreementHasKeywordExceptions(agreement);
  const entries = new Map<string, KeywordCancellation & { order: number }>();
  return {
    see(q: Qualification): void {
      if (!enabled) return;
      for (let i = 0; i < q.criteria.length; i++) {
        const c = q.criteria[i]!;
        const found = c.keyword;
        if (found?.cancelledBy === undefined) continue;
        const key = `${c.kind}\u0000${c.id}\u0000${found.text}\u0000${found.cancelledBy}`;
        let entry = entries.get(key);
        if (entry === undefined) {
          entry = {
            kind: c.kind,
            id: c.id,
            label: c.label,
            keyword: found.text,
            cancelledBy: found.cancelledBy,
            contacts: 0,
            examples: [],
            order: entries.size,
          };
          entries.set(key, entry);
        }
        entry.contacts++;
        const value = c.value ?? '';
        if (entry.examples.length < KEYWORD_EXCEPTION_EXAMPLES && !entry.examples.includes(value))
          entry.examples.push(value);
      }
    },
    /** Most contacts first (then as first seen); null when the agreement has no exceptions. */
    result(): KeywordCancellation[] | null {
      if (!enabled) return null;
      return [...entries.values()]
        .sort((a, b) => b.contacts - a.contacts || a.order - b.order)
        .map(({ order: _order, ...entry }) => entry);
    },
  };
}
