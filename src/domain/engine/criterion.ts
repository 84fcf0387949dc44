import type { CriterionOutcome, CriterionResult } from '../qualification';
import { MISSING, UNPARSABLE } from './condition-tests';

/**
 * One line of the explanation. A class so every criterion (fit, signal, disqualifier) has one fixed shape: the
 * engine builds ten or more per contact, and callers read them all (reasons, storage, the card).
 */
export class Criterion implements CriterionResult {
  // `declare`: no class-field definitions, so the constructor's assignments alone give every criterion one shape.
  declare kind: CriterionResult['kind'];
  declare id: string;
  declare label: string;
  declare property: string;
  declare value: string | null;
  declare outcome: CriterionOutcome;
  declare points: number;
  declare fullPoints: number | undefined;
  declare ageDays: number | null | undefined;
  declare occurrences: number | undefined;
  declare note: CriterionResult['note'];
  declare keyword: CriterionResult['keyword'];

  constructor(
    kind: CriterionResult['kind'],
    id: string,
    label: string,
    property: string,
    value: string | null,
    outcome: CriterionOutcome,
    points: number,
    fullPoints: number | undefined,
    ageDays: number | null | undefined,
    occurrences: number | undefined,
    note: CriterionResult['note'],
    keyword: CriterionResult['keyword'],
  ) {
    this.kind = kind;
    this.id = id;
    this.label = label;
    this.property = property;
    this.value = value;
    this.outcome = outcome;
    this.points = points;
    this.fullPoints = fullPoints;
    this.ageDays = ageDays;
    this.occurrences = occurrences;
    this.note = note;
    this.keyword = keyword;
  }
}

/** The outcome of a fit rule or disqualifier from its evaluation code. */
export function outcomeOf(code: number): CriterionOutcome {
  return code >= 0 ? 'matched' : code === MISSING || code === UNPARSABLE ? 'unknown' : 'not_matched';
}

/** Why a criterion is unknown, from its evaluation code (undefined when it is known). */
export function noteOf(code: number): CriterionResult['note'] {
  return code === MISSING ? 'missing' : code === UNPARSABLE ? 'unparsable' : undefined;
}
