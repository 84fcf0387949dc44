import { monthRange } from '../../domain/report/month-range';
import { shiftMonth } from '../../domain/report/shift-month';
import { TREND_MONTHS } from '../../domain/report/build-trend';
import type { ReportWindow } from '../ports/report-reads';

/** The six calendar months ending with `month`, in time zone `zone`. */
export function reportWindow(month: string, zone: string): ReportWindow {
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => shiftMonth(month, i - (TREND_MONTHS - 1)));
  const bounds = [...months.map((m) => monthRange(m, zone).start), monthRange(month, zone).end];
  return {
    month,
    months,
    bounds,
    start: bounds[0] as number,
    end: bounds[bounds.length - 1] as number,
    monthStart: bounds[bounds.length - 2] as number,
  };
}
