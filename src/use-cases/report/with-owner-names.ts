import type { MonthlyReportResponse } from '../../contracts/report';
import type { MonthlyReport } from '../../domain/report/monthly-report';
import type { Names } from '../names/cached-names';

/**
 * The report with each rep's name from HubSpot beside their owner id (`ownerName`, null when it could not be read)
 * and where the names came from, so the report tab can say plainly why it shows ids.
 */
export async function withOwnerNames(
  report: MonthlyReport,
  namesOf: (ownerIds: readonly string[]) => Promise<Names>,
): Promise<MonthlyReportResponse> {
  const { total, byOwner } = report.followUp;
  const ids = byOwner.flatMap((row) => (row.ownerId === null ? [] : [row.ownerId]));
  if (ids.length === 0) return report; // no rep to name: HubSpot is not asked
  const { names, status } = await namesOf(ids);
  const named = byOwner.map((row) => ({
    ...row,
    ownerName: row.ownerId === null ? null : (names.get(row.ownerId) ?? null),
  }));
  return { ...report, followUp: { total, byOwner: named }, ownerNames: status };
}
