import { REJECT_REASONS } from '../qualification';
import { countRate } from './count-rate';
import type { MonthlyReport } from './monthly-report';
import type { HandoffEvent, VerdictEvent } from './report-input';

/**
 * Rep verdicts on the leads handed this month: the latest verdict given after each handoff counts
 * (a rep who rejects then accepts has accepted). Acceptance = accepted / (accepted + rejected).
 */
export function summariseVerdicts(
  handoffs: readonly HandoffEvent[],
  verdicts: readonly VerdictEvent[],
): MonthlyReport['verdicts'] {
  const since = new Map(handoffs.map((handoff) => [handoff.contactId, handoff.at]));
  const latest = new Map<string, VerdictEvent>();
  for (const verdict of verdicts) {
    const from = since.get(verdict.contactId);
    if (from === undefined || verdict.at < from) continue;
    const known = latest.get(verdict.contactId);
    if (known === undefined || verdict.at >= known.at) latest.set(verdict.contactId, verdict);
  }
  const given = [...latest.values()];
  const accepted = given.filter((verdict) => verdict.verdict === 'accepted').length;
  const rejections = given.filter((verdict) => verdict.verdict === 'rejected');
  return {
    handed: handoffs.length,
    accepted,
    rejected: rejections.length,
    pending: handoffs.length - given.length,
    acceptance: countRate(accepted, given.length),
    rejectionsByReason: REJECT_REASONS.map((reason) => ({
      reason,
      count: rejections.filter((verdict) => (verdict.reason ?? 'other') === reason).length,
    })),
  };
}
