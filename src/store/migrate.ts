import { Migrator, type Kysely } from 'kysely';
import { AppError } from '../errors/app-error';
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

/** Runs every pending migration; fails with an AppError naming the migration that broke. */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<void> {
  const { error, results } = await migratorFor(db, engine).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('unavailable', `Database migration ${failed} failed`, [], { cause: error });
  }
}

/** The applied and pending migrations, for /readyz. */
export async function migrationStatus(db: Kysely<Database>, engine: Engine): Promise<MigrationStatus> {
  const all = await migratorFor(db, engine).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}
