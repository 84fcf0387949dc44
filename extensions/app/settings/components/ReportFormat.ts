import type { CountRate } from '@lead-pact/contracts';
import { formatNumber, type Locale } from '../../shared/locale';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', ja: 'ja-JP' };

/** A share as a percent for `locale` ("12.5%"); "–" when there is none. */
export function formatPercent(share: number | null, locale: Locale): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

/** "3 / 150", the counts a rate stands on. */
export function formatCounts(rate: CountRate, locale: Locale): string {
  return `${formatNumber(rate.successes, locale)} / ${formatNumber(rate.trials, locale)}`;
}

/** The Wilson 95% interval of a rate ("0.7%–5.7%"), "–" when there were no trials. */
export function formatInterval(rate: CountRate, locale: Locale): string {
  if (rate.rate === null) return '–';
  return `${formatPercent(rate.low, locale)}–${formatPercent(rate.high, locale)}`;
}

/** Rate, counts and interval in one line: "2% (3 / 150, 95%: 0.7%–5.7%)". */
export function formatRate(rate: CountRate, locale: Locale): string {
  if (rate.rate === null) return `– (${formatCounts(rate, locale)})`;
  return `${formatPercent(rate.rate, locale)} (${formatCounts(rate, locale)}, 95%: ${formatInterval(rate, locale)})`;
}

/** A month `YYYY-MM` written for `locale` ("November 2026" / "2026年11月"). */
export function formatMonth(month: string, locale: Locale): string {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, mm - 1, 1)));
}

/** A rate as a number of percent for a chart axis (one decimal), 0 when there were no trials. */
export function percentPoints(rate: CountRate): number {
  return rate.rate === null ? 0 : Math.round(rate.rate * 1000) / 10;
}
