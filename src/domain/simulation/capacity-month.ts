import type { Agreement } from '../agreement-schema';

/** The calendar month (YYYY-MM) that `now` (epoch ms) falls in, in the agreement's SLA time zone. */
export function capacityMonth(now: number, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit' })
    .formatToParts(new Date(now))
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}`;
}

/** How many contacts may become sales-ready in `month`: its own figure, else the default. */
export function capacityFor(agreement: Agreement, month: string): number {
  return agreement.capacity.months[month] ?? agreement.capacity.default;
}
