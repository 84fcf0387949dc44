import { sql, type RawBuilder } from 'kysely';
import { monthRange } from '../../domain/report/month-range';
import { shiftMonth } from '../../domain/report/shift-month';
import { TREND_MONTHS } from '../../domain/report/build-trend';

/** The report month and the months before it that the trend shows, with their bounds in the agreement's zone. */
export interface ReportWindow {
  month: string;
  /** Oldest first; the report month last. */
  months: string[];
  /** months.length + 1 ascending epoch-ms bounds: months[i] is [bounds[i], bounds[i + 1]). */
  bounds: number[];
  start: number;
  end: number;
  monthStart: number;
}

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

/** SQL naming the window month (`YYYY-MM`) an epoch-ms column falls in; null outside the window. */
export function monthOfColumn(window: ReportWindow, column: RawBuilder<unknown>): RawBuilder<string | null> {
  const branches = window.months.map(
    (month, i) => sql`when ${column} < ${sql.lit(window.bounds[i + 1] as number)} then ${sql.lit(month)}`,
  );
  return sql<
    string | null
  >`(case when ${column} < ${sql.lit(window.start)} then null ${sql.join(branches, sql` `)} else null end)`;
}
