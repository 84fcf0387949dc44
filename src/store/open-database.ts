import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool, types } from 'pg';
import { cachedStatements } from './cached-statements';
import type { Database } from './db-schema';
import type { Engine } from './engine';
import { outageAwareDialect, type OutageMemory } from './outage-aware-dialect';

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE = 'lead-pact.sqlite';

/** A Kysely instance, the engine under it, and the last write that failed for want of a usable database. */
export interface OpenDatabase {
  db: Kysely<Database>;
  engine: Engine;
  outages: OutageMemory;
}

/** Several processes (web, worker) may share the SQLite file: a writer waits this long for another one. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

// Times are epoch ms in bigint columns: read them back as numbers, not strings (they fit in 2^53).
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

function openSqlite(dataDir: string): OpenDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(dataDir, SQLITE_FILE));
  sqlite.pragma('journal_mode = WAL');
  // Several processes (web, worker) may share the file: wait for the writer instead of failing.
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  // WAL + NORMAL: a commit survives a killed process (kill -9); only an OS crash may lose the last
  // commits. FULL fsyncs every commit and doubled the rescore's wall time (bench/rescore-bench.ts).
  sqlite.pragma('synchronous = NORMAL');
  // Measured by bench/rescore.bench.ts: a 32 MB page cache keeps 1M-contact rescores fast and RSS low.
  sqlite.pragma('cache_size = -32000');
  const { dialect, outages } = outageAwareDialect(new SqliteDialect({ database: cachedStatements(sqlite) }));
  return { db: new Kysely<Database>({ dialect }), engine: 'sqlite', outages };
}

function openPostgres(databaseUrl: string): OpenDatabase {
  // A server that drops packets (no refusal) would leave a connect hanging for minutes: give up after 10 s, so
  // requests answer 503 and /readyz says why. Keep-alive notices a peer that vanished from an idle connection.
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    types: pgTypes,
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle connection the server closes (restart, failover, admin termination) is an 'error' event on the
  // pool; unhandled, it would crash the process. The pool has already dropped that client and the next query
  // opens a new one, so there is nothing else to do here.
  pool.on('error', () => undefined);
  // A client checked out of the pool (a transaction between two statements) has no such listener: the server
  // terminating it would be an unhandled 'error' event and end the process. Its next query fails instead, as an
  // outage (src/store/outage-aware-dialect.ts), and the pool drops it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const { dialect, outages } = outageAwareDialect(new PostgresDialect({ pool }));
  return { db: new Kysely<Database>({ dialect }), engine: 'postgres', outages };
}

/** Opens PostgreSQL when a URL is given, else the SQLite file in `dataDir` (WAL, busy timeout, foreign keys). */
export function openDatabase(options: { databaseUrl?: string; dataDir: string }): OpenDatabase {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.dataDir);
}
