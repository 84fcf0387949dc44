import type { CriterionResult } from '../../domain/qualification';

/** One criterion as stored with a qualification: which rule, signal or disqualifier matched, with its points. */
export interface StoredCriterion {
  kind: CriterionResult['kind'];
  id: string;
  points: number;
}

/**
 * The matched criteria only, points to two decimals. The full explanation is `reasons` (and can be
 * recomputed from the snapshot); keeping 13 criteria with labels and values per contact would make a
 * 1M-contact rescore write gigabytes (measured by bench/rescore-bench.ts).
 */
export function storedCriteria(criteria: readonly CriterionResult[]): StoredCriterion[] {
  const kept: StoredCriterion[] = [];
  for (const c of criteria) {
    if (c.outcome === 'matched')
      kept.push({ kind: c.kind, id: c.id, points: Math.round(c.points * 100) / 100 });
  }
  return kept;
}
