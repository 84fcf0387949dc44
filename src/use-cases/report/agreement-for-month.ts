import type { Agreement } from '../../domain/agreement-schema';
import type { ReportCriterion } from '../../domain/report/report-input';
import type { ApprovedVersion } from './load-agreement-versions';

/** The version in force at the end of a month: the last one approved before `end` (null when none was). */
export function agreementForMonth(versions: readonly ApprovedVersion[], end: number): ApprovedVersion | null {
  let found: ApprovedVersion | null = null;
  for (const version of versions) if (version.approvedAt < end) found = version;
  return found;
}

/** The capacity an agreement sets for a month (`months[month]`, else `default`). */
export function capacityOf(agreement: Agreement, month: string): number {
  return agreement.capacity.months[month] ?? agreement.capacity.default;
}

/** The agreement's fit rules and signals, each with the most points it can give. */
export function reportCriteria(agreement: Agreement): ReportCriterion[] {
  const fit = agreement.fit.rules.map((rule) => ({
    kind: 'fit' as const,
    id: rule.id,
    label: rule.label,
    points: Math.max(
      rule.points ?? 0,
      ...(rule.bands ?? []).map((band) => band.points),
      ...(rule.keywords ?? []).map((keyword) => keyword.points),
    ),
  }));
  const signals = agreement.intent.signals.map((signal) => ({
    kind: 'signal' as const,
    id: signal.id,
    label: signal.label,
    points: signal.points,
  }));
  return [...fit, ...signals];
}
