import { AppError } from './app-error';
import type { Agreement, Route } from './agreement-schema';

/** A contact that qualifies for handoff and competes for the month's capacity (and its route's, if capped). */
export interface CapacityCandidate {
  id: string;
  score: number;
  /** The route it would be handed to; only a route with a cap (`capacity.routes`) limits it further. */
  route?: Route;
}

/** A cap and how many places of it were already taken this month. */
export interface CapacityState {
  capacity: number;
  alreadyHandedOver: number;
}

/** Each capped route's state this month; a route left out is limited by the total only. */
export type RouteCapacityStates = Partial<Record<Route, CapacityState>>;

/** Who becomes `sales_ready` and who stays `nurture` with the reason "capacity". */
export interface CapacityAllocation<T extends CapacityCandidate> {
  salesReady: T[];
  heldBack: T[];
  /** Capacity left this month after this allocation. */
  remaining: number;
}

/** The allocation of an already ranked list, position by position. */
export interface RankedAllocation {
  /** For each position: null when it takes a place; else why it is held back: the route whose own cap was reached
   * while the total still had room, or "total" when the month's total was full. */
  held: (Route | 'total' | null)[];
  /** Places taken, in all and per capped route. */
  taken: number;
  takenByRoute: Partial<Record<Route, number>>;
  /** Capacity (total) left after this allocation. */
  remaining: number;
}

function byScoreThenId(a: CapacityCandidate, b: CapacityCandidate): number {
  const sa = Number.isFinite(a.score) ? a.score : -Infinity;
  const sb = Number.isFinite(b.score) ? b.score : -Infinity;
  if (sa !== sb) return sb - sa;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Places still free under a cap: never negative, 0 for a cap or a count that is not a number. */
function freePlaces(state: CapacityState): number {
  const capacity = Number.isFinite(state.capacity) ? Math.max(0, Math.floor(state.capacity)) : 0;
  const used = Number.isFinite(state.alreadyHandedOver)
    ? Math.max(0, Math.floor(state.alreadyHandedOver))
    : capacity;
  return Math.max(0, capacity - used);
}

/**
 * Walks candidates already ranked best first (each with the route it would go to) and gives each a place while the
 * total and its route's cap both have room. A full route holds back only its own leads: the next lead of another
 * route may still take the place. Neither the total nor any route cap is ever exceeded.
 */
export function allocateRanked(
  ranked: readonly { route?: Route }[],
  total: CapacityState,
  routes: RouteCapacityStates = {},
): RankedAllocation {
  let free = freePlaces(total);
  const routeFree = new Map<Route, number>();
  for (const [route, state] of Object.entries(routes) as [Route, CapacityState | undefined][]) {
    if (state !== undefined) routeFree.set(route, freePlaces(state));
  }
  const held: RankedAllocation['held'] = [];
  const takenByRoute: Partial<Record<Route, number>> = {};
  let taken = 0;
  for (const { route } of ranked) {
    const left = route === undefined ? undefined : routeFree.get(route);
    if (free <= 0) held.push('total');
    else if (left !== undefined && left <= 0) held.push(route!);
    else {
      held.push(null);
      free--;
      taken++;
      if (route !== undefined) takenByRoute[route] = (takenByRoute[route] ?? 0) + 1;
      if (left !== undefined) routeFree.set(route!, left - 1);
    }
  }
  return { held, taken, takenByRoute, remaining: free };
}

/**
 * Hands over the highest-scoring candidates (ties broken by id, so the result never depends on input order)
 * until the month's capacity is used; the rest are held back. Never exceeds capacity; capacity 0 hands none.
 * With route caps (`routes`), a candidate whose route is full is held back and lower scores of other routes may
 * still take the places left (`allocateRanked`).
 */
export function allocateCapacity<T extends CapacityCandidate>(input: {
  capacity: number;
  alreadyHandedOver: number;
  candidates: readonly T[];
  routes?: RouteCapacityStates;
}): CapacityAllocation<T> {
  const ranked = [...input.candidates].sort(byScoreThenId);
  const { held, remaining } = allocateRanked(ranked, input, input.routes);
  return {
    salesReady: ranked.filter((_, i) => held[i] === null),
    heldBack: ranked.filter((_, i) => held[i] !== null),
    remaining,
  };
}

/** The number of contacts that may become sales-ready in `month` (`YYYY-MM`): its override or the default. */
export function capacityForMonth(agreement: Agreement, month: string): number {
  return agreement.capacity.months?.[month] ?? agreement.capacity.default;
}

/** A route's cap for `month`: its month override, else its default; null when the route is not capped that month. */
export function routeCapacityForMonth(agreement: Agreement, route: Route, month: string): number | null {
  const cap = agreement.capacity.routes?.[route];
  return cap?.months?.[month] ?? cap?.default ?? null;
}

/** Every route capped in `month`, with its cap. */
export function routeCapacitiesForMonth(agreement: Agreement, month: string): Partial<Record<Route, number>> {
  const caps: Partial<Record<Route, number>> = {};
  for (const route of Object.keys(agreement.capacity.routes ?? {}) as Route[]) {
    const cap = routeCapacityForMonth(agreement, route, month);
    if (cap !== null) caps[route] = cap;
  }
  return caps;
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
