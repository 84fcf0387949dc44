import { sql } from 'kysely';
import type { DbContext } from './db-context';

/**
 * Serialises writers of one contact until the surrounding transaction ends, whether or not it has rows yet (a row
 * lock needs a row): a PostgreSQL transaction-scoped advisory lock. SQLite's `BEGIN IMMEDIATE` already lets one
 * writer in at a time.
 */
export async function lockContact(ctx: DbContext, portalId: string, contactId: string): Promise<void> {
  if (ctx.engine !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`lead-pact:contact:${portalId}:${contactId}`}))`.execute(
    ctx.db,
  );
}
