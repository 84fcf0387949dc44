/** The two languages the extensions speak. */
export type Locale = 'en' | 'ja';

/** `ja`, `ja-JP`, `ja_jp` -> `ja`; anything else (or nothing) -> `en`. */
export function pickLocale(raw: string | undefined | null): Locale {
  return raw?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', ja: 'ja-JP' };

/** An instant as a date and time in `timeZone`, the way `locale` writes it ("Nov 27, 2026, 3:00 PM"). */
export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** An instant as a date in `timeZone` ("Nov 27, 2026" / "2026/11/27"). */
export function formatDate(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone }).format(
    new Date(iso),
  );
}

/** A number with the locale's grouping ("1,234"). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits }).format(value);
}

/** Whole days, hours and minutes in a duration (absolute value). */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const minutesTotal = Math.floor(Math.abs(ms) / 60_000);
  return {
    days: Math.floor(minutesTotal / 1440),
    hours: Math.floor((minutesTotal % 1440) / 60),
    minutes: minutesTotal % 60,
  };
}
