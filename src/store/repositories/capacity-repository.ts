import { ROUTES, type Route } from '../../domain/agreement-schema';
import type { CapacityPort, PlacesToTake } from '../../use-cases/ports/capacity';
import type { DbContext } from '../db-context';

/** Monthly sales_ready counts per portal, taken atomically so concurrent workers never exceed capacity. */
export function capacityRepository(ctx: DbContext): CapacityPort {
  const ensureRow = (portalId: string, month: string) =>
    ctx.db
      .insertInto('capacity_usage')
      .values({ portal_id: portalId, month, used: 0 })
      .onConflict((oc) => oc.columns(['portal_id', 'month']).doNothing())
      .execute();
  const ensureRouteRow = (portalId: string, month: string, route: Route) =>
    ctx.db
      .insertInto('route_capacity_usage')
      .values({ portal_id: portalId, month, route, used: 0 })
      .onConflict((oc) => oc.columns(['portal_id', 'month', 'route']).doNothing())
      .execute();
  /** Adds `n` (negative to give places back) to a route's count, only if the result stays under `cap`. */
  const addToRoute = async (portalId: string, month: string, route: Route, n: number, cap: number | null) => {
    await ensureRouteRow(portalId, month, route);
    let update = ctx.db
      .updateTable('route_capacity_usage')
      .set((eb) => ({ used: eb('used', '+', n) }))
      .where('portal_id', '=', portalId)
      .where('month', '=', month)
      .where('route', '=', route);
    if (cap !== null) update = update.where((eb) => eb(eb('used', '+', n), '<=', cap));
    return (await update.executeTakeFirst()).numUpdatedRows > 0n;
  };
  const giveBack = (portalId: string, month: string, n: number) =>
    ctx.db
      .updateTable('capacity_usage')
      .set((eb) => ({ used: eb('used', '-', n) }))
      .where('portal_id', '=', portalId)
      .where('month', '=', month)
      .execute();
  /**
   * Takes `n` places of the month's total if all of them fit under `capacity`; all or nothing. The check and the
   * increment are one UPDATE, so it holds across processes on both engines.
   */
  const takeTotal = async (
    portalId: string,
    month: string,
    capacity: number,
    n: number,
  ): Promise<boolean> => {
    await ensureRow(portalId, month);
    const result = await ctx.db
      .updateTable('capacity_usage')
      .set((eb) => ({ used: eb('used', '+', n) }))
      .where('portal_id', '=', portalId)
      .where('month', '=', month)
      .where((eb) => eb(eb('used', '+', n), '<=', capacity))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  };
  const repo: CapacityPort = {
    /**
     * The total first, then each route in ROUTES order (the same lock order in every worker, so PostgreSQL never
     * deadlocks); a route over its cap gives back what this call took (inside the caller's transaction the rows stay
     * locked until it ends, so nobody saw the places).
     */
    async tryTakePlaces(portalId: string, month: string, take: PlacesToTake): Promise<boolean> {
      const routes = ROUTES.flatMap((route) => take.routes.filter((r) => r.route === route && r.n > 0));
      const n = routes.reduce((sum, r) => sum + r.n, 0);
      if (n <= 0) return true;
      if (!(await takeTotal(portalId, month, take.capacity, n))) return false;
      for (const [i, r] of routes.entries()) {
        if (await addToRoute(portalId, month, r.route, r.n, r.capacity)) continue;
        for (const done of routes.slice(0, i)) await addToRoute(portalId, month, done.route, -done.n, null);
        await giveBack(portalId, month, n);
        return false;
      }
      return true;
    },
    async usedByRoute(portalId: string, month: string): Promise<Record<Route, number>> {
      const rows = await ctx.db
        .selectFrom('route_capacity_usage')
        .select(['route', 'used'])
        .where('portal_id', '=', portalId)
        .where('month', '=', month)
        .execute();
      const used = Object.fromEntries(ROUTES.map((route) => [route, 0])) as Record<Route, number>;
      for (const row of rows)
        if ((ROUTES as readonly string[]).includes(row.route)) used[row.route as Route] = row.used;
      return used;
    },
    /** Places used in a month. */
    async used(portalId: string, month: string): Promise<number> {
      const row = await ctx.db
        .selectFrom('capacity_usage')
        .select('used')
        .where('portal_id', '=', portalId)
        .where('month', '=', month)
        .executeTakeFirst();
      return row?.used ?? 0;
    },
  };
  return repo;
}

export type CapacityRepository = ReturnType<typeof capacityRepository>;
