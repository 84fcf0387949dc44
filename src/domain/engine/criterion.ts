import type { CriterionOutcome, CriterionResult } from '../qualification';
import { MISSING, UNPARSABLE } from './condition-tests';

/**
 * One line of the explanation. A class so every criterion (fit, signal, disqualifier) has one fixed shape: the
 * engine builds ten or more per contact, and callers read them all (reasons, storage, the card).
 */
export class Criterion implements CriterionResult {
  constructor(
    public kind: CriterionResult['kind'],
    public id: string,
    public label: string,
    public property: string,
    public value: string | null,
    public outcome: CriterionOutcome,
    public points: number,
    public fullPoints: number | undefined,
    public ageDays: number | null | undefined,
    public occurrences: number | undefined,
    public note: CriterionResult['note'],
  ) {}
}

/** The outcome of a fit rule or disqualifier from its evaluation code. */
export function outcomeOf(code: number): CriterionOutcome {
  return code >= 0 ? 'matched' : code === MISSING || code === UNPARSABLE ? 'unknown' : 'not_matched';
}

/** Why a criterion is unknown, from its evaluation code (undefined when it is known). */
export function noteOf(code: number): CriterionResult['note'] {
  return code === MISSING ? 'missing' : code === UNPARSABLE ? 'unparsable' : undefined;
}
