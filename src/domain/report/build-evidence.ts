import { countRate } from './count-rate';
import { evidenceFlag } from './evidence-flag';
import { median } from './median';
import type { EvidenceRow } from './monthly-report';
import type { LeadGroup, ReportCriterion } from './report-input';

interface Totals {
  leads: number;
  accepted: number;
  rejected: number;
  converted: number;
}

const empty = (): Totals => ({ leads: 0, accepted: 0, rejected: 0, converted: 0 });

function accumulate(totals: Totals, group: LeadGroup): void {
  totals.leads += group.count;
  totals.accepted += group.accepted;
  totals.rejected += group.rejected;
  totals.converted += group.converted;
}

const side = (totals: Totals): EvidenceRow['scored'] => ({
  leads: totals.leads,
  acceptance: countRate(totals.accepted, totals.accepted + totals.rejected),
  conversion: countRate(totals.converted, totals.leads),
});

/** For each rule and signal of the active agreement: how the leads it scored did against all other leads. */
export function buildEvidence(
  leads: readonly LeadGroup[],
  criteria: readonly ReportCriterion[],
): EvidenceRow[] {
  const medians = {
    fit: median(criteria.filter((c) => c.kind === 'fit').map((c) => c.points)) ?? 0,
    signal: median(criteria.filter((c) => c.kind === 'signal').map((c) => c.points)) ?? 0,
  };
  return criteria.map((criterion) => {
    const scored = empty();
    const rest = empty();
    for (const group of leads) {
      const ids = criterion.kind === 'fit' ? group.rules : group.signals;
      accumulate(ids.includes(criterion.id) ? scored : rest, group);
    }
    const row = { ...criterion, scored: side(scored), rest: side(rest) };
    return { ...row, flag: evidenceFlag(row, medians[criterion.kind]) };
  });
}
