import { GRADES, STAGES } from '../../domain/agreement-schema';
import type { LeadGroup } from '../../domain/report/report-input';
import type { CohortRow, ReportReadsPort, ReportWindow } from '../ports/report-reads';
import { storedValue } from './stored-value';

/** One group of a window month's leads, and whether they were held back by capacity. */
export interface CohortGroup {
  month: string;
  heldBack: boolean;
  group: LeadGroup;
}

/**
 * The leads of each window month, grouped by grade, stage, version, handed, held back by capacity and (report
 * month only) the criteria that scored, with how many converted, were accepted and rejected.
 */
export async function loadCohort(
  reads: Pick<ReportReadsPort, 'cohort'>,
  portalId: string,
  window: ReportWindow,
): Promise<CohortGroup[]> {
  const rows = await reads.cohort(portalId, window);
  return rows.map((row) => ({ month: row.month, heldBack: row.heldBack, group: toGroup(row) }));
}

function toGroup(row: CohortRow): LeadGroup {
  return {
    grade: storedValue(GRADES, row.grade, 'qualification_history.grade'),
    stage: storedValue(STAGES, row.stage, 'qualification_history.stage'),
    version: row.version,
    rules: row.rules,
    signals: row.signals,
    handed: row.handed,
    count: row.count,
    accepted: row.accepted,
    rejected: row.rejected,
    converted: row.converted,
  };
}
