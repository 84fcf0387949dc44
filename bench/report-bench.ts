import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReportStore, REPORT_BENCH_PORTAL } from './report-bench-data';
import type { BenchRow } from './harness';

const TIME = '/usr/bin/time';
const BIN = path.join(__dirname, '..', '..', 'bin', 'lead-pact.js');
const CONTACTS = Number(process.env.REPORT_BENCH_CONTACTS ?? 1_000_000);

/** Runs the built `lead-pact report` on a DATA_DIR: wall seconds and peak RSS (MB) of the whole process. */
async function timeReport(
  dataDir: string,
): Promise<{ seconds: number; cpuSeconds: number | null; peakMb: number; bytes: number }> {
  const args = [BIN, 'report', '--portal', REPORT_BENCH_PORTAL, '--month', '2026-11', '--format', 'json'];
  const preload = ['--require', path.join(__dirname, 'report-peak-rss.js')];
  const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir };
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
 * `lead-pact report` for a portal with 1,000,000 contacts and 12 months of history on SQLite (the default
 * store), end to end: process start, SQL aggregation, report math, JSON out. Budget: seconds, not minutes.
 */
export async function run(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-report-bench-'));
  try {
    const generated = await generateReportStore(dataDir, CONTACTS);
    process.stderr.write(
      `report bench: generated ${generated.historyRows} history rows in ${generated.seconds.toFixed(1)} s\n`,
    );
    const first = await timeReport(dataDir);
    const second = await timeReport(dataDir);
    const size = `${(CONTACTS / 1e6).toLocaleString('en-US')}M contacts, 12 months`;
    return [
      { name: `report, ${size}, first run`, measured: first.seconds, unit: 's', budget: { atMost: 30 } },
      { name: `report, ${size}, second run`, measured: second.seconds, unit: 's', budget: { atMost: 30 } },
      // CPU time (user + system) of the second run: the figure to compare across machines and load.
      ...(second.cpuSeconds === null
        ? []
        : [{ name: `report, ${size}, CPU time`, measured: second.cpuSeconds, unit: 's' }]),
      {
        name: `report, ${size}, peak RSS`,
        measured: Math.max(first.peakMb, second.peakMb),
        unit: 'MB',
        budget: { atMost: 300 },
      },
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
