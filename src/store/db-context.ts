import { sql, type Kysely } from 'kysely';
import type { TokenCipher } from '../security/token-cipher';
import type { Database } from './db-schema';
import type { Engine } from './engine';

/** What every repository gets: the query builder (maybe bound to a transaction) and the engine. */
export interface DbContext {
  db: Kysely<Database>;
  engine: Engine;
  /** Runs `fn` in a write transaction, or directly when this context already is one. */
  transaction<T>(fn: (ctx: DbContext) => Promise<T>): Promise<T>;
  /** The store's token cipher, so repositories built on this context (or its transactions) can open tokens. */
  cipher?: TokenCipher;
}

/** A context bound to an open transaction: nested transactions just join it. */
function joined(db: Kysely<Database>, engine: Engine, cipher?: TokenCipher): DbContext {
  const ctx: DbContext = { db, engine, transaction: (fn) => fn(ctx), ...(cipher ? { cipher } : {}) };
  return ctx;
}

/**
 * SQLite: `BEGIN IMMEDIATE` takes the write lock up front, so two processes never deadlock
 * upgrading a read lock (busy_timeout then queues them). PostgreSQL: an ordinary transaction.
 */
async function writeTransaction<T>(
  db: Kysely<Database>,
  engine: Engine,
  fn: (ctx: DbContext) => Promise<T>,
  cipher?: TokenCipher,
): Promise<T> {
  if (engine === 'postgres') return db.transaction().execute((trx) => fn(joined(trx, engine, cipher)));
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(joined(conn, engine, cipher));
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** The top-level context of a store: each `transaction` opens a new write transaction. */
export function rootContext(db: Kysely<Database>, engine: Engine, cipher?: TokenCipher): DbContext {
  return {
    db,
    engine,
    transaction: (fn) => writeTransaction(db, engine, fn, cipher),
    ...(cipher ? { cipher } : {}),
  };
}
