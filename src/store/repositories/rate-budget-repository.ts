import { z } from 'zod';
import { RATE_WINDOW_MS, type RateBudgetPort, type Reservation } from '../../use-cases/ports/rate-budget';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';

const times = z.array(z.number());

/**
 * One request budget per portal shared by every worker process (the window lives in the store).
 * Each reservation runs in a write transaction holding the portal's row, so two workers never both
 * take the last slot.
 */
export function rateBudgetRepository(ctx: DbContext): RateBudgetPort {
  const lockedRow = async (tx: DbContext, portalId: string, now: number) => {
    await tx.db
      .insertInto('rate_budget')
      .values({ portal_id: portalId, recent: '[]', paused_until: null, updated_at: now })
      .onConflict((oc) => oc.column('portal_id').doNothing())
      .execute();
    let query = tx.db.selectFrom('rate_budget').selectAll().where('portal_id', '=', portalId);
    if (tx.engine === 'postgres') query = query.forUpdate();
    return query.executeTakeFirstOrThrow();
  };
  return {
    /** Reserves `n` requests in the rolling window if they fit under `limitPer10s`. */
    reserveRequests(portalId: string, limitPer10s: number, now: number, n = 1): Promise<Reservation> {
      return ctx.transaction(async (tx) => {
        const row = await lockedRow(tx, portalId, now);
        if (row.paused_until !== null && row.paused_until > now)
          return { granted: false, waitMs: row.paused_until - now };
        const recent = fromJson(times, row.recent, 'rate_budget.recent').filter(
          (t) => t > now - RATE_WINDOW_MS,
        );
        if (recent.length + n > limitPer10s) {
          const freeingAt = recent[Math.max(0, recent.length + n - limitPer10s - 1)] ?? now;
          return { granted: false, waitMs: Math.max(1, freeingAt + RATE_WINDOW_MS - now) };
        }
        for (let i = 0; i < n; i++) recent.push(now);
        await tx.db
          .updateTable('rate_budget')
          .set({ recent: toJson(recent), updated_at: now })
          .where('portal_id', '=', portalId)
          .execute();
        return { granted: true, waitMs: 0 };
      });
    },
    /** Stops all requests of a portal until `until` (HubSpot's daily limit was hit). */
    pauseUntil(portalId: string, until: number, now: number): Promise<void> {
      return ctx.transaction(async (tx) => {
        await lockedRow(tx, portalId, now);
        await tx.db
          .updateTable('rate_budget')
          .set({ paused_until: until, updated_at: now })
          .where('portal_id', '=', portalId)
          .execute();
      });
    },
    /** Requests in the current window and the pause, for status pages. */
    async status(portalId: string, now: number): Promise<{ inWindow: number; pausedUntil: number | null }> {
      const row = await ctx.db
        .selectFrom('rate_budget')
        .selectAll()
        .where('portal_id', '=', portalId)
        .executeTakeFirst();
      if (!row) return { inWindow: 0, pausedUntil: null };
      const recent = fromJson(times, row.recent, 'rate_budget.recent').filter(
        (t) => t > now - RATE_WINDOW_MS,
      );
      return {
        inWindow: recent.length,
        pausedUntil: row.paused_until !== null && row.paused_until > now ? row.paused_until : null,
      };
    },
  };
}
