import { ROUTES, type Route } from '../../domain/agreement-schema';
import type { ReportReadsPort, ReportWindow } from '../ports/report-reads';

type HeldBackByRoute = { route: Route | null; count: number }[];

const routeOf = (stored: string | null): Route | null =>
  stored !== null && (ROUTES as readonly string[]).includes(stored) ? (stored as Route) : null;

/**
 * Each window month's contacts held back by capacity, by the route they were headed to; a route the store holds that
 * is none of ours (or none, on rows from before migration 010) counts under null, in the month's total only.
 */
export async function loadHeldBack(
  reads: Pick<ReportReadsPort, 'heldBack'>,
  portalId: string,
  window: ReportWindow,
): Promise<Map<string, HeldBackByRoute>> {
  const byMonth = new Map<string, Map<Route | null, number>>();
  for (const row of await reads.heldBack(portalId, window)) {
    const routes = byMonth.get(row.month) ?? new Map<Route | null, number>();
    const route = routeOf(row.route);
    routes.set(route, (routes.get(route) ?? 0) + row.count);
    byMonth.set(row.month, routes);
  }
  return new Map(
    [...byMonth].map(([month, routes]) => [month, [...routes].map(([route, count]) => ({ route, count }))]),
  );
}
