import { monthlyReportSchema } from '@lead-pact/contracts';
import { useBackendQuery } from './useBackendQuery';

/** How many months the report tab offers, the current one first. */
export const REPORT_MONTHS = 12;

/** `YYYY-MM` of an instant in `timeZone`. */
export function monthIn(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    timeZone,
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** The month before `month` (`YYYY-MM`). */
function previousMonth(month: string): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return mm === 1 ? `${year - 1}-12` : `${year}-${String(mm - 1).padStart(2, '0')}`;
}

/** The months the picker offers: the current month in the portal's time zone and the eleven before it. */
export function reportMonths(now: number, timeZone: string): string[] {
  const months = [monthIn(now, timeZone)];
  while (months.length < REPORT_MONTHS) months.push(previousMonth(months[months.length - 1] as string));
  return months;
}

/** The report of `month` (`GET /api/report?month=YYYY-MM`), loading, loaded or failed. */
export function useReport(baseUrl: string, month: string) {
  return useBackendQuery(baseUrl, `/api/report?month=${month}`, monthlyReportSchema);
}
