import type { CapacityPort } from '../../use-cases/ports/capacity';
import type { DbContext } from '../db-context';

/** Monthly sales_ready counts per portal, taken atomically so concurrent workers never exceed capacity. */
export function capacityRepository(ctx: DbContext): CapacityPort {
  const ensureRow = (portalId: string, month: string) =>
    ctx.db
      .insertInto('capacity_usage')
      .values({ portal_id: portalId, month, used: 0 })
      .onConflict((oc) => oc.columns(['portal_id', 'month']).doNothing())
      .execute();
  const repo: CapacityPort = {
    /**
     * Takes `n` places of `month` if all of them fit under `capacity`; all or nothing. The check and
     * the increment are one UPDATE, so it holds across processes on both engines.
     */
    async tryTakeCapacity(portalId: string, month: string, capacity: number, n: number): Promise<boolean> {
      if (n <= 0) return true;
      await ensureRow(portalId, month);
      const result = await ctx.db
        .updateTable('capacity_usage')
        .set((eb) => ({ used: eb('used', '+', n) }))
        .where('portal_id', '=', portalId)
        .where('month', '=', month)
        .where((eb) => eb(eb('used', '+', n), '<=', capacity))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /** Takes as many of `n` places as still fit (0..n) and returns how many it took. */
    async takeUpTo(portalId: string, month: string, capacity: number, n: number): Promise<number> {
      for (;;) {
        const free = capacity - (await repo.used(portalId, month));
        const want = Math.min(n, free);
        if (want <= 0) return 0;
        if (await repo.tryTakeCapacity(portalId, month, capacity, want)) return want;
      }
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
