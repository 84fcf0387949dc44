import { DateTime } from 'luxon';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Epoch-ms bounds [start, end) of calendar month `YYYY-MM` in time zone `zone`. */
export function monthRange(month: string, zone: string): { start: number; end: number } {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`expected a month as YYYY-MM, got "${month}"`);
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone });
  if (!start.isValid) throw new RangeError(`unknown time zone "${zone}"`);
  return { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() };
}
