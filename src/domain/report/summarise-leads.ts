import { LEAD_DISQUALIFY_REASONS } from '../lead-stages';
import type { LeadsSummary } from './monthly-report';
import type { MonthLeadCounts } from './report-input';

const rank = (reason: string): number => {
  const index = (LEAD_DISQUALIFY_REASONS as readonly string[]).indexOf(reason);
  return index === -1 ? LEAD_DISQUALIFY_REASONS.length : index;
};

/** The month's Lead counts as the report shows them: the disqualified total and its reasons, known ones first. */
export function summariseLeads(counts: MonthLeadCounts): LeadsSummary {
  const disqualifiedByReason = Object.entries(counts.disqualifiedByReason)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => rank(a.reason) - rank(b.reason) || a.reason.localeCompare(b.reason));
  return {
    created: counts.created,
    worked: counts.worked,
    disqualified: disqualifiedByReason.reduce((sum, row) => sum + row.count, 0),
    disqualifiedByReason,
    converted: counts.converted,
  };
}
