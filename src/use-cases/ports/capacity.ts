import type { Route } from '../../domain/agreement-schema';

/** Places to take at once: `n` of each route (its cap, or null when the route is not capped), all counted in the total. */
export interface PlacesToTake {
  /** The month's total cap. */
  capacity: number;
  routes: readonly { route: Route; n: number; capacity: number | null }[];
}

/** Monthly sales_ready places per portal, taken atomically so concurrent workers never exceed capacity. */
export interface CapacityPort {
  /** Places used in a month. */
  used(portalId: string, month: string): Promise<number>;
  /**
   * Takes each route's `n` places under its cap and their sum under the total, all or nothing: neither the total
   * nor a route's cap is exceeded, however many workers take at once. Every route's places are counted, capped or not.
   */
  tryTakePlaces(portalId: string, month: string, take: PlacesToTake): Promise<boolean>;
  /** Places each route used in a month (0 for a route that took none). */
  usedByRoute(portalId: string, month: string): Promise<Record<Route, number>>;
}
