import { AppError } from './app-error';
import type { Agreement } from './agreement-schema';

/** A contact that qualifies for handoff and competes for the month's capacity. */
export interface CapacityCandidate {
  id: string;
  score: number;
}

/** Who becomes `sales_ready` and who stays `nurture` with the reason "capacity". */
export interface CapacityAllocation<T extends CapacityCandidate> {
  salesReady: T[];
  heldBack: T[];
  /** Capacity left this month after this allocation. */
  remaining: number;
}

function byScoreThenId(a: CapacityCandidate, b: CapacityCandidate): number {
  const sa = Number.isFinite(a.score) ? a.score : -Infinity;
  const sb = Number.isFinite(b.score) ? b.score : -Infinity;
  if (sa !== sb) return sb - sa;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Hands over the highest-scoring candidates (ties broken by id, so the result never depends on input order)
 * until the month's capacity is used; the rest are held back. Never exceeds capacity; capacity 0 hands none.
 */
export function allocateCapacity<T extends CapacityCandidate>(input: {
  capacity: number;
  alreadyHandedOver: number;
  candidates: readonly T[];
}): CapacityAllocation<T> {
  const capacity = Number.isFinite(input.capacity) ? Math.max(0, Math.floor(input.capacity)) : 0;
  const used = Number.isFinite(input.alreadyHandedOver)
    ? Math.max(0, Math.floor(input.alreadyHandedOver))
    : capacity;
  const free = Math.max(0, capacity - used);
  const ranked = [...input.candidates].sort(byScoreThenId);
  const salesReady = ranked.slice(0, free);
  return { salesReady, heldBack: ranked.slice(free), remaining: free - salesReady.length };
}

/** The number of contacts that may become sales-ready in `month` (`YYYY-MM`): its override or the default. */
export function capacityForMonth(agreement: Agreement, month: string): number {
  return agreement.capacity.months?.[month] ?? agreement.capacity.default;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar month (`YYYY-MM`) an instant falls in, in the given IANA time zone (the agreement's SLA zone). */
export function monthOf(epochMs: number, timezone: string): string {
  if (!Number.isFinite(epochMs))
    throw new AppError('invalid_input', 'expected a date', [{ path: 'date', message: 'expected a date' }]);
  let format = formatters.get(timezone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: '2-digit' });
    formatters.set(timezone, format);
  }
  const parts = format.formatToParts(epochMs);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  return `${year.padStart(4, '0')}-${month}`;
}
