import { z } from 'zod';
import { fromJson } from '../../store/json-column';

/** What the report reads of a stored criterion result (src/domain/qualification.ts CriterionResult). */
const storedCriteria = z.array(
  z.looseObject({ kind: z.string(), id: z.string(), points: z.number().nullable().optional() }),
);

/** Ids of the fit rules and signals that gave points, from a stored `criteria` JSON column. */
export function scoredCriteria(text: string, column: string): { rules: string[]; signals: string[] } {
  const criteria = fromJson(storedCriteria, text, column);
  const scored = criteria.filter((c) => (c.points ?? 0) > 0);
  return {
    rules: scored.filter((c) => c.kind === 'fit').map((c) => c.id),
    signals: scored.filter((c) => c.kind === 'signal').map((c) => c.id),
  };
}
