import type { TestDatabase } from './test-databases';
import { freshPortal, useStore } from './store-contract';

/** Capacity per route: places taken under a route's cap and the total at once (migration 008). */
export function routeCapacityContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);
  const field = (n: number, capacity: number | null = 10) => ({ route: 'field_sales' as const, n, capacity });
  const inside = (n: number, capacity: number | null = null) => ({
    route: 'inside_sales' as const,
    n,
    capacity,
  });

  it('counts each route beside the total and never lets a route pass its cap', async () => {
    const portal = freshPortal();
    const capacity = store().capacity;
    expect(
      await capacity.tryTakePlaces(portal, '2026-12', { capacity: 40, routes: [field(8), inside(5)] }),
    ).toBe(true);
    expect(await capacity.used(portal, '2026-12')).toBe(13);
    expect(await capacity.usedByRoute(portal, '2026-12')).toEqual({
      field_sales: 8,
      inside_sales: 5,
      marketing: 0,
    });
    // Field sales has 2 places left: taking 3 fails and takes nothing, not even the uncapped inside sales' places.
    expect(
      await capacity.tryTakePlaces(portal, '2026-12', { capacity: 40, routes: [inside(1), field(3)] }),
    ).toBe(false);
    expect(await capacity.used(portal, '2026-12')).toBe(13);
    expect(await capacity.usedByRoute(portal, '2026-12')).toEqual({
      field_sales: 8,
      inside_sales: 5,
      marketing: 0,
    });
    expect(await capacity.tryTakePlaces(portal, '2026-12', { capacity: 40, routes: [field(2)] })).toBe(true);
    expect(await capacity.usedByRoute(portal, '2027-01')).toEqual({
      field_sales: 0,
      inside_sales: 0,
      marketing: 0,
    });
  });

  it('refuses when the total is full even if the route has room, and counts nothing', async () => {
    const portal = freshPortal();
    const capacity = store().capacity;
    expect(
      await capacity.tryTakePlaces(portal, '2026-12', { capacity: 3, routes: [field(2), inside(2)] }),
    ).toBe(false);
    expect(await capacity.used(portal, '2026-12')).toBe(0);
    expect(await capacity.usedByRoute(portal, '2026-12')).toEqual({
      field_sales: 0,
      inside_sales: 0,
      marketing: 0,
    });
  });

  it('never lets 30 concurrent takes exceed a route cap or the total', async () => {
    const portal = freshPortal();
    const takes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        store().transaction((tx) =>
          tx.capacity.tryTakePlaces(portal, '2026-12', {
            capacity: 20,
            routes: [i % 2 === 0 ? field(1, 6) : inside(1)],
          }),
        ),
      ),
    );
    const used = await store().capacity.usedByRoute(portal, '2026-12');
    expect(used.field_sales).toBe(6);
    expect(used.inside_sales).toBe(14);
    expect(takes.filter(Boolean)).toHaveLength(20);
    expect(await store().capacity.used(portal, '2026-12')).toBe(20);
  });
}
