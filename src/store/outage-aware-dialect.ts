import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import { asDatabaseOutage, isDatabaseOutage, outageReasonOf } from './database-outage';

/** The last write that failed for want of a usable database, until a write succeeds again. */
export interface OutageMemory {
  /** The reason and when it was seen, or undefined once a later write went through. */
  lastFailedWrite(): { reason: string; at: number } | undefined;
}

const WRITE_KINDS = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
// Raw statements (bulkWrite's cached inserts) carry no query kind: their SQL says what they are.
const isWrite = (query: CompiledQuery) =>
  WRITE_KINDS.has(query.query.kind) || /^\s*(insert|update|delete|replace|commit)\b/i.test(query.sql);

/** Failure and success of writes as the wrapped connections see them. */
function outageMemory(now: () => number) {
  let last: { reason: string; at: number } | undefined;
  return {
    sawResult(query: CompiledQuery, error: unknown) {
      if (!isWrite(query)) return;
      if (error === undefined) last = undefined;
      else if (isDatabaseOutage(error)) last = { reason: outageReasonOf(error), at: now() };
    },
    lastFailedWrite: () => last,
  };
}
type Memory = ReturnType<typeof outageMemory>;

/** A connection whose outage errors (lost connection, locked or full file...) become `unavailable` AppErrors. */
function wrapConnection(inner: DatabaseConnection, memory: Memory): DatabaseConnection {
  return {
    executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const failed = (error: unknown) => {
        const translated = asDatabaseOutage(error);
        memory.sawResult(query, translated);
        return Promise.reject(translated);
      };
      try {
        // better-sqlite3 throws synchronously; pg rejects.
        return inner.executeQuery<R>(query).then((result) => {
          memory.sawResult(query, undefined);
          return result;
        }, failed);
      } catch (error) {
        return failed(error);
      }
    },
    async *streamQuery<R>(query: CompiledQuery, chunkSize?: number) {
      try {
        yield* inner.streamQuery<R>(query, chunkSize);
      } catch (error) {
        throw asDatabaseOutage(error);
      }
    },
  };
}

/** The driver with every connection wrapped; the driver's own calls get the connection it made. */
function wrapDriver(driver: Driver, memory: Memory): Driver {
  const inners = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const inner = (connection: DatabaseConnection) => inners.get(connection) ?? connection;
  const outage = (error: unknown) => Promise.reject(asDatabaseOutage(error));
  return {
    init: () => driver.init().catch((error: unknown) => Promise.reject(asDatabaseOutage(error, true))),
    async acquireConnection() {
      const connection = await driver
        .acquireConnection()
        .catch((error: unknown) => Promise.reject(asDatabaseOutage(error, true)));
      const wrapped = wrapConnection(connection, memory);
      inners.set(wrapped, connection);
      return wrapped;
    },
    beginTransaction: (c, settings) => driver.beginTransaction(inner(c), settings).catch(outage),
    commitTransaction: (c) => driver.commitTransaction(inner(c)).catch(outage),
    rollbackTransaction: (c) => driver.rollbackTransaction(inner(c)).catch(outage),
    ...(driver.savepoint
      ? { savepoint: (c, name, compile) => driver.savepoint!(inner(c), name, compile).catch(outage) }
      : {}),
    ...(driver.rollbackToSavepoint
      ? {
          rollbackToSavepoint: (c, name, compile) =>
            driver.rollbackToSavepoint!(inner(c), name, compile).catch(outage),
        }
      : {}),
    ...(driver.releaseSavepoint
      ? {
          releaseSavepoint: (c, name, compile) =>
            driver.releaseSavepoint!(inner(c), name, compile).catch(outage),
        }
      : {}),
    releaseConnection: (c) => driver.releaseConnection(inner(c)),
    destroy: () => driver.destroy(),
  };
}

/**
 * `dialect` whose driver turns the errors of a database that cannot serve (server gone, restarting or refusing
 * connections; file locked, full or unreadable) into `unavailable` AppErrors with a plain reason, so callers
 * answer 503 or wait instead of failing for good. Query errors (constraints, syntax) pass unchanged.
 */
export function outageAwareDialect(
  dialect: Dialect,
  now: () => number = Date.now,
): { dialect: Dialect; outages: OutageMemory } {
  const memory = outageMemory(now);
  return {
    dialect: {
      createDriver: () => wrapDriver(dialect.createDriver(), memory),
      createQueryCompiler: () => dialect.createQueryCompiler(),
      createAdapter: () => dialect.createAdapter(),
      createIntrospector: (db) => dialect.createIntrospector(db),
    },
    outages: { lastFailedWrite: memory.lastFailedWrite },
  };
}
