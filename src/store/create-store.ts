import { createTokenCipher, type TokenCipher } from '../security/token-cipher';
import { rootContext, type DbContext } from './db-context';
import type { Engine } from './engine';
import { failedMigration, migrateToLatest, migrationStatus, type MigrationStatus } from './migrate';
import { openDatabase, type OpenDatabase } from './open-database';
import { openFailure } from './open-failure';
import { pingDatabase } from './ping-database';
import { createRepositories, type Repositories } from './repositories';

/** Where the store lives: PostgreSQL when `databaseUrl` is set, else SQLite in `dataDir`. */
export interface StoreOptions {
  databaseUrl?: string;
  dataDir: string;
  /** TOKEN_ENCRYPTION_KEY (32 bytes, hex or base64); needed only to store or read OAuth tokens. */
  tokenEncryptionKey?: string;
  /** The process that started this one (a worker thread) has migrated the database already: open it as it is. */
  migrated?: boolean;
}

/** The repositories bound to one open transaction; `transaction` on it joins that transaction. */
export type StoreTransaction = Repositories & {
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
};

/** The repositories of `ctx`, with a `transaction` that opens (or, inside one, joins) a write transaction. */
function transactionalRepositories(ctx: DbContext, cipher: TokenCipher | undefined): StoreTransaction {
  const repositories: StoreTransaction = {
    ...createRepositories(ctx, cipher),
    transaction: (fn) => ctx.transaction((txCtx) => fn(transactionalRepositories(txCtx, cipher))),
  };
  return repositories;
}

/** The app's storage: typed repositories over SQLite or PostgreSQL. */
export type Store = Repositories & {
  readonly engine: Engine;
  /** Runs `fn` in one write transaction; the repositories (and context) it gets are bound to it; nesting joins it. */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Resolves when the database can serve reads and writes; rejects with the outage's `unavailable` AppError. */
  ping(): Promise<void>;
  migrationStatus(): Promise<MigrationStatus>;
  close(): Promise<void>;
};

/** Opens the database and runs pending migrations; a failure names the database and the driver's reason. */
async function openMigrated(options: StoreOptions): Promise<OpenDatabase> {
  const engine = options.databaseUrl ? 'postgres' : 'sqlite';
  let opened: OpenDatabase;
  try {
    opened = openDatabase(options);
  } catch (error) {
    throw openFailure(error, options, engine);
  }
  if (options.migrated) return opened;
  try {
    await migrateToLatest(opened.db, engine);
  } catch (error) {
    await opened.db.destroy();
    throw openFailure(error, options, engine, failedMigration(error));
  }
  return opened;
}

/** Opens the database, runs pending migrations, and returns the store. */
export async function createStore(options: StoreOptions): Promise<Store> {
  const cipher = options.tokenEncryptionKey ? createTokenCipher(options.tokenEncryptionKey) : undefined;
  const opened = await openMigrated(options);
  const { db, engine } = opened;
  const root = rootContext(db, engine, cipher);
  const store: Store = {
    ...createRepositories(root, cipher),
    engine,
    transaction: (fn) => root.transaction((ctx) => fn(transactionalRepositories(ctx, cipher))),
    ping: () => pingDatabase(opened),
    migrationStatus: () => migrationStatus(db, engine),
    close: () => db.destroy(),
  };
  databases.set(store, root);
  return store;
}

/** Each open store's database context: the store's own, reached only through `databaseOf`. */
const databases = new WeakMap<Store, DbContext>();

/**
 * The database under a store, for tests that inspect or break it (a pragma on the store's own SQLite connection, a
 * row no port reads). Use-cases and routes cannot import it (eslint.layers.js); the app reads through repositories.
 */
export function databaseOf(store: Store): DbContext {
  const ctx = databases.get(store);
  if (!ctx) throw new Error('databaseOf: not a store opened by createStore');
  return ctx;
}
