import { sql } from 'kysely';
import { AppError } from '../errors/app-error';
import { createTokenCipher } from '../security/token-cipher';
import { rootContext, type DbContext } from './db-context';
import type { Engine } from './engine';
import { migrateToLatest, migrationStatus, type MigrationStatus } from './migrate';
import { openDatabase } from './open-database';
import { createRepositories, type Repositories } from './repositories';

/** Where the store lives: PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`. */
export interface StoreOptions {
  databaseUrl?: string;
  dataDir: string;
  /** TOKEN_ENCRYPTION_KEY (32 bytes, hex or base64); needed only to store or read OAuth tokens. */
  tokenEncryptionKey?: string;
}

/** The app's storage: typed repositories over SQLite or PostgreSQL. */
export type Store = Repositories & {
  readonly engine: Engine;
  /** The database context the repositories use, for ports built outside the store (agreement use cases). */
  readonly ctx: DbContext;
  /** Runs `fn` in one write transaction; the repositories and the context it gets are bound to it. */
  transaction<T>(fn: (tx: Repositories, ctx: DbContext) => Promise<T>): Promise<T>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  migrationStatus(): Promise<MigrationStatus>;
  close(): Promise<void>;
};

/** Opens the database, runs pending migrations, and returns the store. */
export async function createStore(options: StoreOptions): Promise<Store> {
  const cipher = options.tokenEncryptionKey ? createTokenCipher(options.tokenEncryptionKey) : undefined;
  const { db, engine } = openDatabase(options);
  try {
    await migrateToLatest(db, engine);
  } catch (error) {
    await db.destroy();
    throw error instanceof AppError
      ? error
      : new AppError('unavailable', `Cannot open the ${engine} database`, [], { cause: error });
  }
  const root = rootContext(db, engine, cipher);
  return {
    ...createRepositories(root, cipher),
    engine,
    ctx: root,
    transaction: (fn) => root.transaction((ctx) => fn(createRepositories(ctx, cipher), ctx)),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    migrationStatus: () => migrationStatus(db, engine),
    close: () => db.destroy(),
  };
}
