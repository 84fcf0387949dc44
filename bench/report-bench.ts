import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchEngines, createBenchDatabase, type BenchDatabase, type BenchEngine } from './bench-database';
import { generateReportStore, REPORT_BENCH_PORTAL } from './report-bench-data';
import type { BenchRow } from './harness';

const TIME = '/usr/bin/time';
const BIN = path.join(__dirname, '..', '..', 'bin', 'lead-pact.js');
const CONTACTS = Number(process.env.REPORT_BENCH_CONTACTS ?? 1_000_000);
/** `REPORT_BENCH_ENGINES=sqlite` runs one engine only. */
const ENGINES = benchEngines('REPORT_BENCH_ENGINES');

/** Runs the built `lead-pact report` on a store: wall seconds and peak RSS (MB) of the whole process. */
async function timeReport(
  db: BenchDatabase,
): Promise<{ seconds: number; cpuSeconds: number | null; peakMb: number; bytes: number }> {
  const args = [BIN, 'report', '--portal', REPORT_BENCH_PORTAL, '--month', '2026-11', '--format', 'json'];
  const preload = ['--require', path.join(__dirname, 'report-peak-rss.js')];
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', DATA_DIR: db.options.dataDir };
  if (db.options.databaseUrl) env.DATABASE_URL = db.options.databaseUrl;
  const child = fs.existsSync(TIME)
    ? spawn(TIME, ['-v', process.execPath, ...args], { env })
    : spawn(process.execPath, [...preload, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const start = process.hrtime.bigint();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code !== 0) throw new Error(`lead-pact report exited ${code}: ${stderr.slice(0, 2000)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) ?? /peak-rss-kb=(\d+)/.exec(stderr);
  if (!kb?.[1]) throw new Error(`no peak RSS in the child's output: ${stderr.slice(0, 2000)}`);
  JSON.parse(stdout);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const cpuSeconds = user && system ? Number(user) + Number(system) : null;
  return { seconds, cpuSeconds, peakMb: Number(kb[1]) / 1024, bytes: stdout.length };
}

/**
 * Both engines: at 1M, PostgreSQL measured 5.8 s and 133 MB on 28 Nov 2026 (SQLite 3.6 s, 226 MB), comfortably
 * within what SQLite was given, so it gets the same budgets.
 */
const BUDGET = { seconds: 30, peakMb: 300 };

async function benchEngine(engine: BenchEngine): Promise<BenchRow[]> {
  const db = await createBenchDatabase(engine);
  try {
    const generated = await generateReportStore(db, CONTACTS);
    process.stderr.write(
      `report bench (${engine}): generated ${generated.historyRows} history rows in ${generated.seconds.toFixed(1)} s\n`,
    );
    const first = await timeReport(db);
    const second = await timeReport(db);
    // SQLite's row names predate PostgreSQL's rows: they stay as they were, PostgreSQL's say so.
    const size = `${(CONTACTS / 1e6).toLocaleString('en-US')}M contacts, 12 months${engine === 'postgres' ? ', postgres' : ''}`;
    return [
      {
        name: `report, ${size}, first run`,
        measured: first.seconds,
        unit: 's',
        budget: { atMost: BUDGET.seconds },
      },
      {
        name: `report, ${size}, second run`,
        measured: second.seconds,
        unit: 's',
        budget: { atMost: BUDGET.seconds },
      },
      // CPU time (user + system) of the second run: the figure to compare across machines and load.
      // On PostgreSQL it is the report process's only; the server's work is in the wall time.
      ...(second.cpuSeconds === null
        ? []
        : [{ name: `report, ${size}, CPU time`, measured: second.cpuSeconds, unit: 's' }]),
      {
        name: `report, ${size}, peak RSS`,
        measured: Math.max(first.peakMb, second.peakMb),
        unit: 'MB',
        budget: { atMost: BUDGET.peakMb },
      },
    ];
  } finally {
    await db.drop();
  }
}

/**
 * `lead-pact report` for a portal with 1,000,000 contacts and 12 months of history, end to end: process start,
 * SQL aggregation, report math, JSON out; on SQLite (the default store) and on PostgreSQL (the at-scale one).
 * Budget: seconds, not minutes.
 */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of ENGINES) rows.push(...(await benchEngine(engine)));
  return rows;
}
