import type { Criterion } from '@lead-pact/contracts';

const OUTCOME_ORDER: Record<Criterion['outcome'], number> = { matched: 0, unknown: 1, not_matched: 2 };

/** Strongest first: a matching disqualifier, then by points given, then met before unknown before not met. */
export function rankCriteria(criteria: readonly Criterion[]): Criterion[] {
  const disqualifying = (c: Criterion) => (c.kind === 'disqualify' && c.outcome === 'matched' ? 0 : 1);
  return [...criteria].sort(
    (a, b) =>
      disqualifying(a) - disqualifying(b) ||
      b.points - a.points ||
      OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] ||
      a.label.localeCompare(b.label),
  );
}
