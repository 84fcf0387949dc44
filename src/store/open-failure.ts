import path from 'node:path';
import { AppError } from '../domain/app-error';
import type { Engine } from './engine';
import { SQLITE_FILE } from './open-database';

/** Where a store lives, as the config gave it. */
interface Target {
  databaseUrl?: string;
  dataDir: string;
}

/** PostgreSQL's database, host, port and user from DATABASE_URL (never its password), or the SQLite file. */
export function describeTarget({ databaseUrl, dataDir }: Target): string {
  if (!databaseUrl) return `the SQLite database ${path.join(dataDir, SQLITE_FILE)}`;
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1)) || '(default)';
  const host = url.hostname || 'localhost';
  const user = url.username ? ` as user "${decodeURIComponent(url.username)}"` : '';
  return `the PostgreSQL database "${database}" on ${host}:${url.port || '5432'}${user}`;
}

/** An error's fields, read without `instanceof` (errors made in another realm, a vm or a worker, fail it). */
const fieldsOf = (value: unknown): { message?: unknown; cause?: unknown } =>
  typeof value === 'object' && value !== null ? value : {};

/** The message of the innermost cause: the driver's own words ("password authentication failed for user ..."). */
function driverReason(error: unknown): string {
  let inner: unknown = error;
  while (fieldsOf(inner).cause !== undefined) inner = fieldsOf(inner).cause;
  const { message } = fieldsOf(inner);
  const text = typeof message === 'string' ? message : String(inner);
  return text.replace(/\.$/, '') || 'no reason given';
}

/** Every occurrence of the URL's password replaced, in case a driver repeats the URL it was given. */
function withoutPassword(text: string, databaseUrl: string | undefined): string {
  if (!databaseUrl) return text;
  const password = decodeURIComponent(new URL(databaseUrl).password);
  return password ? text.split(password).join('***') : text;
}

/**
 * The error a store that cannot open fails with: which database (host, port, database and user, or the SQLite
 * file), what failed (connecting, or a named migration) and the driver's reason, the password never shown.
 */
export function openFailure(error: unknown, target: Target, engine: Engine, migration?: string): AppError {
  const where = describeTarget(target);
  const what = migration ? `Database migration ${migration} failed on ${where}` : `Cannot open ${where}`;
  const hint = engine === 'postgres' ? 'Check DATABASE_URL.' : 'Check DATA_DIR.';
  const message = withoutPassword(`${what}: ${driverReason(error)}. ${hint}`, target.databaseUrl);
  return new AppError(
    'unavailable',
    message,
    [{ path: engine === 'postgres' ? 'DATABASE_URL' : 'DATA_DIR', message }],
    {
      cause: error,
    },
  );
}
