import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; the app issues far fewer shapes than this. */
const MAX_STATEMENTS = 500;

/**
 * Hands Kysely a better-sqlite3 database whose `prepare` reuses statements by SQL text. Kysely
 * prepares on every execution; re-parsing a 1,000-row insert each batch cost about 10% of a
 * rescore (measured by bench/rescore-bench.ts). Kysely's connection mutex means a statement is
 * never used by two queries at once.
 */
export function cachedStatements(db: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit) return hit;
      const statement = db.prepare(sql) as unknown as SqliteStatement;
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
      return statement;
    },
  };
}
