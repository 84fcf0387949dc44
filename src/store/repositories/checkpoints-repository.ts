import { z } from 'zod';
import type { CheckpointsPort } from '../../use-cases/ports/checkpoints';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';

const anyJson = z.unknown();

/** Named per-portal checkpoints (sync cursors, rescore positions): a JSON value under a name. */
export function checkpointsRepository(ctx: DbContext) {
  return {
    /** The stored value, or undefined when none was saved. */
    async get(portalId: string, name: string): Promise<unknown> {
      const row = await ctx.db
        .selectFrom('checkpoints')
        .select('value')
        .where('portal_id', '=', portalId)
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? fromJson(anyJson, row.value, 'checkpoints.value') : undefined;
    },
    /** Saves (or replaces) a checkpoint. */
    async set(portalId: string, name: string, value: unknown, at: number): Promise<void> {
      const text = toJson(value);
      await ctx.db
        .insertInto('checkpoints')
        .values({ portal_id: portalId, name, value: text, updated_at: at })
        .onConflict((oc) => oc.columns(['portal_id', 'name']).doUpdateSet({ value: text, updated_at: at }))
        .execute();
    },
    /** Forgets a checkpoint. */
    async delete(portalId: string, name: string): Promise<void> {
      await ctx.db
        .deleteFrom('checkpoints')
        .where('portal_id', '=', portalId)
        .where('name', '=', name)
        .execute();
    },
  } satisfies CheckpointsPort;
}

export type CheckpointsRepository = ReturnType<typeof checkpointsRepository>;
