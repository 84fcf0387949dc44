import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { CSV_COLUMNS, generateContact, random } from './generate-contacts';
import type { BenchRow } from './harness';

const ROOT = join(__dirname, '..', '..');
const NOW = Date.parse('2026-11-27T00:00:00Z');
const BIG = 1_000_000;
const MEDIUM = 250_000;
const SMALL = 10;
/** A capped V8 heap shows what the run really keeps alive (the live set does not grow with the row count). */
const CAPPED_HEAP = ['--max-semi-space-size=2', '--max-old-space-size=64'];
const TIME = '/usr/bin/time';

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Writes `rows` generated contacts as a CSV export with internal-name headers and `company.` columns. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const next = random(7);
  let chunk = `${CSV_COLUMNS.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const c = generateContact(next, i, NOW);
    const values = CSV_COLUMNS.map((col) =>
      col.startsWith('company.') ? (c.company?.[col.slice(8)] ?? '') : (c.properties[col] ?? ''),
    );
    chunk += `${values.map((v) => csvCell(v ?? '')).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Runs the built CLI on a file: wall and CPU time, peak RSS (from /usr/bin/time -v, else reported by the child). */
async function simulate(
  file: string,
  nodeFlags: string[] = [],
): Promise<{ seconds: number; cpuSeconds: number; peakMb: number; contacts: number }> {
  const cli = [
    join(ROOT, 'bin', 'lead-pact.js'),
    'simulate',
    '--agreement',
    join(ROOT, 'examples', 'agreement.json'),
  ];
  const args = [...cli, '--contacts', file, '--now', new Date(NOW).toISOString(), '--json'];
  const useTime = existsSync(TIME);
  const preload = ['--require', join(__dirname, 'report-peak-rss.js')];
  const child = useTime
    ? spawn(TIME, ['-v', process.execPath, ...nodeFlags, ...preload, ...args])
    : spawn(process.execPath, [...nodeFlags, ...preload, ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const start = process.hrtime.bigint();
  const [code] = (await once(child, 'close')) as [number];
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (code !== 0) throw new Error(`simulate exited ${code}: ${stderr.slice(0, 2000)}`);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) ?? /peak-rss-kb=(\d+)/.exec(stderr);
  if (!kb?.[1]) throw new Error(`no peak RSS in the child's output: ${stderr.slice(0, 2000)}`);
  const cpu = /cpu-us=(\d+)/.exec(stderr);
  return {
    seconds,
    cpuSeconds: Number(cpu?.[1] ?? NaN) / 1e6,
    peakMb: Number(kb[1]) / 1024,
    contacts: (JSON.parse(stdout) as { contacts: number }).contacts,
  };
}

/**
 * `lead-pact simulate` rows/s on a generated 1,000,000-row CSV, and its peak RSS against 250,000 and 10 rows. V8 grows
 * its heap to a working size as soon as a run allocates in earnest, by how much depending on GC timing (so those rows
 * are informational); the budget is judged with the heap capped, where 1M rows must fit in what 10 rows take.
 */
export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-pact-bench-'));
  try {
    const [small, medium, big] = [join(dir, 'small.csv'), join(dir, 'medium.csv'), join(dir, 'big.csv')];
    await writeCsv(small, SMALL);
    await writeCsv(medium, MEDIUM);
    await writeCsv(big, BIG);
    const ten = await simulate(small);
    const quarter = await simulate(medium);
    const million = await simulate(big);
    const cappedTen = await simulate(small, CAPPED_HEAP);
    const cappedMillion = await simulate(big, CAPPED_HEAP);
    if (million.contacts !== BIG || cappedMillion.contacts !== BIG)
      throw new Error('simulate did not read every row');
    const rss = (
      name: string,
      measured: number,
      peer: string,
      peerMb: number,
      atMost?: number,
    ): BenchRow => ({
      name,
      measured,
      unit: 'MB peak RSS',
      peer: { name: peer, measured: peerMb },
      ...(atMost === undefined ? {} : { ratioBudget: { atMost } }),
    });
    return [
      {
        name: 'simulate, 1,000,000-row CSV (built CLI, whole run)',
        measured: BIG / million.cpuSeconds,
        unit: 'rows/CPU-s',
        note: `${Math.round(BIG / million.seconds).toLocaleString('en-US')} rows/s wall`,
      },
      rss('simulate, 1,000,000 rows vs 10 rows', million.peakMb, '10 rows', ten.peakMb),
      rss('simulate, 1,000,000 rows vs 250,000 rows', million.peakMb, '250k rows', quarter.peakMb),
      rss(
        'simulate, 1,000,000 rows vs 10 rows, heap capped',
        cappedMillion.peakMb,
        '10 rows',
        cappedTen.peakMb,
        1.2,
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
