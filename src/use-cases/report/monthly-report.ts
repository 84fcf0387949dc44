import { buildMonthlyReport } from '../../domain/report/build-monthly-report';
import type { MonthlyReport } from '../../domain/report/monthly-report';
import type { ReportInput } from '../../domain/report/report-input';
import { REQUEST_MONTHS, requestMonthSchema } from '../../contracts/values';
import { AppError } from '../../domain/app-error';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Where report inputs come from (the store adapter is `loadReportInput` bound to a database). */
export type ReportSource = (portalId: string, month: string, now: number) => Promise<ReportInput>;

/** The monthly alignment report of a portal: load its month from the source, then compute it. */
export async function monthlyReport(
  deps: { source: ReportSource; now: () => number },
  portalId: string,
  month: string,
): Promise<MonthlyReport> {
  if (!MONTH.test(month)) {
    throw new AppError('invalid_input', 'The month must be written YYYY-MM, e.g. 2026-11.', [
      { path: 'month', message: `expected YYYY-MM, got "${month}"` },
    ]);
  }
  if (!requestMonthSchema.safeParse(month).success) {
    const { first, last } = REQUEST_MONTHS;
    throw new AppError('invalid_input', `The month must be between ${first} and ${last}.`, [
      { path: 'month', message: `expected a month from ${first} to ${last}, got "${month}"` },
    ]);
  }
  return buildMonthlyReport(await deps.source(portalId, month, deps.now()));
}
