import type { Grade } from '../agreement-schema';
import type { MonthlyReport } from './monthly-report';
import type { MonthTotals } from './report-input';

/**
 * The figures of one month the trend and the suggestion need, taken from that month's report sections (and its
 * contacts held back by capacity, when known).
 */
export function monthTotals(
  report: Pick<MonthlyReport, 'month' | 'handoff' | 'followUp' | 'conversion'>,
  heldBack?: number,
): MonthTotals {
  return {
    ...(heldBack === undefined ? {} : { heldBack }),
    ...(report.handoff.routes ? { routes: report.handoff.routes } : {}),
    month: report.month,
    capacity: report.handoff.capacity,
    handed: report.handoff.handed,
    followUpDecided: report.followUp.total.withinSla.trials,
    touchedWithinSla: report.followUp.total.withinSla.successes,
    handedConverted: report.conversion.handed.successes,
    byGrade: report.conversion.byGrade.map((row) => ({
      grade: row.key as Grade,
      leads: row.trials,
      converted: row.successes,
    })),
  };
}
