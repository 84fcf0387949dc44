import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { Client } from 'pg';
import { SQLITE_FILE } from '../../src/store/open-database';
import { POSTGRES_ADMIN_URL } from './test-databases';

async function asAdmin(sql: string, params: unknown[] = []): Promise<void> {
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

const nameOf = (databaseUrl: string) => new URL(databaseUrl).pathname.slice(1);

/**
 * Takes a test's own PostgreSQL database away as a restart or an admin would: no new connection is accepted
 * and every open one is terminated. The shared server keeps running.
 */
export async function cutPostgres(databaseUrl: string): Promise<void> {
  const name = nameOf(databaseUrl);
  await asAdmin(`alter database ${name} allow_connections false`);
  await asAdmin(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [name],
  );
}

/** Gives the database back. */
export async function restorePostgres(databaseUrl: string): Promise<void> {
  await asAdmin(`alter database ${nameOf(databaseUrl)} allow_connections true`);
}

/** Another process's connection holding SQLite's write lock on the store in `dataDir` until `release()`. */
export function lockSqlite(dataDir: string): { release(): void } {
  const other = new BetterSqlite3(path.join(dataDir, SQLITE_FILE));
  other.pragma('busy_timeout = 0');
  other.exec('begin exclusive');
  return {
    release() {
      other.exec('commit');
      other.close();
    },
  };
}
