import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/** The engines a bench can run on; `<NAME>_BENCH_ENGINES=sqlite` runs one. */
export type BenchEngine = 'sqlite' | 'postgres';

/** The server benches create their databases on (env BENCH_POSTGRES_URL). */
export const BENCH_POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database for one bench run: SQLite in its own DATA_DIR, or a new PostgreSQL database. */
export interface BenchDatabase {
  engine: BenchEngine;
  options: { databaseUrl?: string; dataDir: string };
  drop(): Promise<void>;
}

/** The engines listed in env `name` (comma-separated), default both. */
export function benchEngines(name: string): BenchEngine[] {
  return (process.env[name] ?? 'sqlite,postgres').split(',') as BenchEngine[];
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: BENCH_POSTGRES });
  await client.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL is not reachable at ${BENCH_POSTGRES}: ${error.message}`);
  });
  await client.query(sql).finally(() => client.end());
}

/** Creates an empty database on `engine`; `drop()` removes it (and its DATA_DIR) afterwards. */
export async function createBenchDatabase(engine: BenchEngine): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-bench-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (engine === 'sqlite') return { engine, options: { dataDir }, drop: removeDir };
  const name = `lp_bench_${process.pid}_${Date.now()}`;
  await admin(`create database ${name}`);
  const url = new URL(BENCH_POSTGRES);
  url.pathname = `/${name}`;
  const drop = async () => {
    await admin(`drop database if exists ${name} with (force)`);
    await removeDir();
  };
  return { engine, options: { databaseUrl: url.toString(), dataDir }, drop };
}
