const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month `delta` months after `month` (negative goes back): shiftMonth('2026-01', -1) = '2025-12'. */
export function shiftMonth(month: string, delta: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`expected a month as YYYY-MM, got "${month}"`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
