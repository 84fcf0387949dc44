import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createStore, type Store } from '../../src/store/create-store';

/** The CI PostgreSQL server; every test run gets its own database on it, dropped afterwards. */
/** A fixed test key (32 bytes as hex): tests only. */
export const TEST_TOKEN_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database for one test file: its options for createStore, and how to remove it. */
export interface TestDatabase {
  engine: 'sqlite' | 'postgres';
  options: { databaseUrl?: string; dataDir: string; tokenEncryptionKey: string };
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for the store tests and is not reachable at ${POSTGRES_ADMIN_URL} ` +
        `(${(error as Error).message}). Start it (pg_ctlcluster 15 main start) or set TEST_POSTGRES_URL.`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A temporary directory for a SQLite file. */
export function tempSqlite(): TestDatabase {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-store-'));
  return {
    engine: 'sqlite',
    options: { dataDir, tokenEncryptionKey: TEST_TOKEN_KEY },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A new, empty PostgreSQL database; fails loudly when the server is unreachable. */
export async function tempPostgres(): Promise<TestDatabase> {
  const name = `lp_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-store-'));
  return {
    engine: 'postgres',
    options: { databaseUrl: url.toString(), dataDir, tokenEncryptionKey: TEST_TOKEN_KEY },
    drop: async () => {
      await admin((client) => client.query(`drop database if exists ${name} with (force)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Both engines, for `describe.each`. */
export const ENGINE_FACTORIES = [
  ['sqlite', async () => tempSqlite()],
  ['postgres', tempPostgres],
] as const;

/** Opens a store on a fresh database of the given engine. */
export async function openTestStore(
  make: () => Promise<TestDatabase>,
): Promise<{ store: Store; database: TestDatabase }> {
  const database = await make();
  const store = await createStore(database.options);
  return { store, database };
}
