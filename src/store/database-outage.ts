import { AppError, isAppError } from '../domain/app-error';

/** Where an AppError says that the database, not the request, is the problem. */
const OUTAGE_PATH = 'database';

/** What the driver attaches to its errors: PostgreSQL's SQLSTATE, SQLite's result code or Node's errno code. */
const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : '';
const messageOf = (error: unknown): string => {
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
};

/** SQLSTATE codes and classes that mean "the server cannot serve now", each with a reason anyone may read. */
const POSTGRES_REASONS: [RegExp, string][] = [
  [/^57P0[12]$/, 'the database server is shutting down or restarting'],
  [/^57P03$/, 'the database server is starting up'],
  [/^3D000$/, 'the database does not exist'],
  [/^28/, 'the database refused the credentials'],
  [/^53100$/, 'the disk is full'],
  [/^53300$/, 'the database server has too many connections'],
  [/^53/, 'the database server is out of resources'],
  [/^08/, 'the connection to the database was lost'],
  [/^58030$/, 'the database server cannot read or write its files'],
];

/** SQLite result codes (extended codes start with the primary one) that clear up once the file is usable again. */
const SQLITE_REASONS: [RegExp, string][] = [
  [/^SQLITE_(BUSY|LOCKED)/, 'the database file is locked by another process'],
  [/^SQLITE_FULL/, 'the disk is full'],
  [/^SQLITE_IOERR/, 'the database file cannot be read or written'],
  [/^SQLITE_CANTOPEN/, 'the database file cannot be opened'],
  [/^SQLITE_READONLY/, 'the database file is read-only'],
  [/^SQLITE_NOMEM/, 'the database is out of memory'],
];

/** Node's socket errors and the pg client's own errors when its connection is gone. */
const NETWORK_REASONS: [RegExp, string][] = [
  [/^ECONNREFUSED$/, 'the database server refused the connection'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'the database host name cannot be resolved'],
  [/^(ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/, 'the database server does not answer'],
  [/^(ECONNRESET|EPIPE)$/, 'the connection to the database was lost'],
];
const LOST_CONNECTION =
  /connection terminated|not queryable|connection error|timeout exceeded when trying to connect/i;
const NOT_ACCEPTING = /not currently accepting connections/i;

const firstMatch = (table: [RegExp, string][], code: string) =>
  code ? table.find(([pattern]) => pattern.test(code))?.[1] : undefined;

/**
 * Why the database cannot serve right now, in words that name no host, file or user; undefined when `error` is
 * about the query (a constraint, a syntax error). Any failure to open a connection is an outage (`connecting`).
 */
export function outageReason(error: unknown, connecting = false): string | undefined {
  const code = codeOf(error);
  const message = messageOf(error);
  if (NOT_ACCEPTING.test(message)) return 'the database is not accepting connections';
  const known =
    firstMatch(POSTGRES_REASONS, code) ??
    firstMatch(SQLITE_REASONS, code) ??
    firstMatch(NETWORK_REASONS, code);
  if (known) return known;
  if (LOST_CONNECTION.test(message)) return 'the connection to the database was lost';
  return connecting ? 'the database cannot be reached' : undefined;
}

/** The AppError (503) of a database that cannot serve, for `reason`. */
export function databaseOutage(reason: string, cause?: unknown): AppError {
  const details = [{ path: OUTAGE_PATH, message: reason }];
  return new AppError('unavailable', `The database is unavailable: ${reason}.`, details, { cause });
}

/** `error` as the AppError of a database outage (503) when it is one, else unchanged. */
export function asDatabaseOutage(error: unknown, connecting = false): unknown {
  if (isDatabaseOutage(error)) return error;
  const reason = outageReason(error, connecting);
  return reason === undefined ? error : databaseOutage(reason, error);
}

/** True for the AppError a database outage became (see `asDatabaseOutage`). */
export function isDatabaseOutage(error: unknown): error is AppError {
  return isAppError(error, 'unavailable') && error.details[0]?.path === OUTAGE_PATH;
}

/** The reason of a database outage error, for probes and logs. */
export function outageReasonOf(error: AppError): string {
  return error.details[0]?.message ?? 'the database cannot be reached';
}
