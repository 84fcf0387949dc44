import { sql, type Kysely } from 'kysely';
import { databaseOutage } from './database-outage';
import type { Database } from './db-schema';
import { SQLITE_BUSY_TIMEOUT_MS, type OpenDatabase } from './open-database';

/** How long the probe waits for SQLite's write lock: a writer holds it for milliseconds, a stuck one for ever. */
const PROBE_BUSY_TIMEOUT_MS = 500;
/** A write that failed this recently (disk full, say) keeps the store unready until a write goes through. */
export const FAILED_WRITE_MEMORY_MS = 30_000;

/**
 * Takes SQLite's write lock and gives it back at once: a `select 1` would pass while another process holds the
 * lock and every write of this one fails. The probe's wait is short; the connection's usual wait is restored.
 */
async function probeSqliteWriteLock(db: Kysely<Database>): Promise<void> {
  await db.connection().execute(async (conn) => {
    await sql.raw(`pragma busy_timeout = ${PROBE_BUSY_TIMEOUT_MS}`).execute(conn);
    try {
      await sql`begin immediate`.execute(conn);
      await sql`rollback`.execute(conn);
    } finally {
      await sql.raw(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).execute(conn);
    }
  });
}

/**
 * Resolves when the database can serve reads and writes: PostgreSQL answers, SQLite's write lock can be taken,
 * and no write failed for want of a usable database in the last FAILED_WRITE_MEMORY_MS (a full disk fails only
 * writes). Rejects with the outage's `unavailable` AppError otherwise.
 */
export async function pingDatabase({ db, engine, outages }: OpenDatabase, now = Date.now()): Promise<void> {
  if (engine === 'sqlite') await probeSqliteWriteLock(db);
  else await sql`select 1`.execute(db);
  const failed = outages.lastFailedWrite();
  if (failed && now - failed.at < FAILED_WRITE_MEMORY_MS) throw databaseOutage(failed.reason);
}
