import { countRate } from './count-rate';
import type { TrendPoint } from './monthly-report';
import type { MonthTotals } from './report-input';
import { shiftMonth } from './shift-month';

/** Number of months the trend shows, the report month last. */
export const TREND_MONTHS = 6;

/** The last six months (oldest first) from the report month's totals and earlier ones; missing months are empty. */
export function buildTrend(current: MonthTotals, history: readonly MonthTotals[]): TrendPoint[] {
  const known = new Map([...history, current].map((totals) => [totals.month, totals]));
  return Array.from({ length: TREND_MONTHS }, (_, index) => {
    const month = shiftMonth(current.month, index - (TREND_MONTHS - 1));
    const totals = known.get(month);
    return {
      month,
      capacity: totals?.capacity ?? null,
      handed: totals?.handed ?? 0,
      heldBack: totals?.heldBack ?? 0,
      followUp: countRate(totals?.touchedWithinSla ?? 0, totals?.followUpDecided ?? 0),
      conversion: countRate(totals?.handedConverted ?? 0, totals?.handed ?? 0),
      ...(totals?.routes ? { routes: [...totals.routes] } : {}),
    };
  });
}
