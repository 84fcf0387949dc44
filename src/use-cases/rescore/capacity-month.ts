import { DateTime } from 'luxon';
import type { Agreement } from '../../domain/agreement-schema';

/** The calendar month (YYYY-MM) of `now` in the agreement's SLA time zone: capacity is counted per such month. */
export function capacityMonth(now: number, agreement: Agreement): string {
  const local = DateTime.fromMillis(now, { zone: agreement.sla.timezone });
  return (local.isValid ? local : DateTime.fromMillis(now, { zone: 'utc' })).toFormat('yyyy-LL');
}

/** How many contacts may become sales_ready in `month`. */
export function capacityFor(agreement: Agreement, month: string): number {
  return agreement.capacity.months[month] ?? agreement.capacity.default;
}
