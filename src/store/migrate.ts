import { Migrator, type Kysely } from 'kysely';
import { AppError, isAppError } from '../domain/app-error';
import type { Database } from './db-schema';
import type { Engine } from './engine';
import { migrationProvider } from './migrations';

/** Which migrations ran and which are still to run. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

function migratorFor(db: Kysely<Database>, engine: Engine): Migrator {
  return new Migrator({ db, provider: migrationProvider(engine) });
}

/** Runs every pending migration; fails with an AppError naming the migration that broke (path "migration"), if any. */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<void> {
  const { error, results } = await migratorFor(db, engine).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const details = failed ? [{ path: 'migration', message: failed }] : [];
    const what = failed ? `Database migration ${failed} failed` : 'The database could not be migrated';
    throw new AppError('unavailable', what, details, { cause: error });
  }
}

/** The migration a `migrateToLatest` failure names, if it got as far as one. */
export function failedMigration(error: unknown): string | undefined {
  return isAppError(error) ? error.details.find((d) => d.path === 'migration')?.message : undefined;
}

/** The applied and pending migrations, for /readyz. */
export async function migrationStatus(db: Kysely<Database>, engine: Engine): Promise<MigrationStatus> {
  const all = await migratorFor(db, engine).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}
