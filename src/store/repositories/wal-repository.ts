import { sql } from 'kysely';
import type { DbContext } from '../db-context';

/** SQLite's default: the committing connection copies the WAL into the database once it holds 1,000 pages. */
export const DEFAULT_AUTO_CHECKPOINT = 1000;

/**
 * SQLite write-ahead-log controls that let a second thread share the work safely. On PostgreSQL they do
 * nothing (`dataVersion` is null: no such counter).
 */
export function walRepository(ctx: DbContext) {
  const sqlite = ctx.engine === 'sqlite';
  return {
    /**
     * SQLite's `data_version`: the same number as long as no other connection committed (this connection's
     * own commits do not change it), so work read ahead outside the transaction is known to be current.
     */
    async dataVersion(): Promise<number | null> {
      if (!sqlite) return null;
      const result = await sql<{ data_version: number }>`pragma data_version`.execute(ctx.db);
      return result.rows[0]?.data_version ?? null;
    },
    /** Pages after which this connection's commits checkpoint the WAL (0: never; another connection does it). */
    async setAutoCheckpoint(pages: number): Promise<void> {
      if (sqlite)
        await sql.raw(`pragma wal_autocheckpoint = ${Math.max(0, Math.floor(pages))}`).execute(ctx.db);
    },
    /** Copies committed WAL pages into the database without waiting for readers or the writer. */
    async checkpoint(): Promise<void> {
      if (sqlite) await sql`pragma wal_checkpoint(passive)`.execute(ctx.db);
    },
  };
}

export type WalRepository = ReturnType<typeof walRepository>;
