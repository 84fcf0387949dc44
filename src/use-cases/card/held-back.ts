import type { ScoredCard } from '../../contracts/card';
import { capacityForMonth, monthOf, routeCapacityForMonth } from '../../domain/allocate-capacity';
import { ROUTES, type Agreement, type Route } from '../../domain/agreement-schema';
import type { CapacityPort } from '../ports/capacity';
import type { CardQualification } from '../ports/card-snapshot';

const isRoute = (value: string): value is Route => (ROUTES as readonly string[]).includes(value);

/**
 * What the card says about a lead kept in nurture for capacity: the month it was held back in (when it was last
 * scored, in the agreement's time zone), the cap that was full (its route's own, or the month's total) and that cap's
 * places taken and available now. Undefined for any other lead, and for one held back before the route was stored.
 */
export async function heldBackOnCard(
  capacity: Pick<CapacityPort, 'used' | 'usedByRoute'>,
  input: { portalId: string; stored: CardQualification; agreement: Agreement },
): Promise<ScoredCard['heldBack']> {
  const { stored, agreement, portalId } = input;
  const held = stored.heldBack;
  if (stored.tierReason !== 'capacity' || !held) return undefined;
  const month = monthOf(stored.updatedAt, agreement.sla.timezone);
  const routeCap =
    held.by === 'route' && isRoute(held.route) ? routeCapacityForMonth(agreement, held.route, month) : null;
  if (routeCap !== null && isRoute(held.route)) {
    const used = (await capacity.usedByRoute(portalId, month))[held.route];
    return { month, route: held.route, used, capacity: routeCap };
  }
  return {
    month,
    route: null,
    used: await capacity.used(portalId, month),
    capacity: capacityForMonth(agreement, month),
  };
}
