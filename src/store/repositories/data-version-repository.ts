import { sql } from 'kysely';
import type { DbContext } from '../db-context';

/** Tells whether another connection committed in between: lets work read ahead outside a transaction safely. */
export function dataVersionRepository(ctx: DbContext) {
  return {
    /**
     * SQLite's `data_version`: the same number as long as no other connection committed (this connection's
     * own commits do not change it). PostgreSQL keeps no such counter: null.
     */
    async current(): Promise<number | null> {
      if (ctx.engine !== 'sqlite') return null;
      const result = await sql<{ data_version: number }>`pragma data_version`.execute(ctx.db);
      return result.rows[0]?.data_version ?? null;
    },
  };
}

export type DataVersionRepository = ReturnType<typeof dataVersionRepository>;
