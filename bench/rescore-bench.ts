import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createStore } from '../src/store/create-store';
import { benchEngines, createBenchDatabase, type BenchDatabase as Database } from './bench-database';
import type { BenchRow } from './harness';
import { rescoreContacts } from './rescore-data';

const CONTACTS = Number(process.env.RESCORE_BENCH_CONTACTS ?? 1_000_000);
/** `RESCORE_BENCH_ENGINES=sqlite` runs one engine only. */
const ENGINES = benchEngines('RESCORE_BENCH_ENGINES');
const PORTAL = '1000001';
const NOW = Date.UTC(2026, 10, 27, 9);
const run$ = promisify(execFile);

/** The example agreement with one band changed (company size >= 100: 25 -> 30 points), the diff DESIGN.md shows. */
function changed(agreement: { fit: { rules: { id: string; bands?: { min: number; points: number }[] }[] } }) {
  const rules = agreement.fit.rules.map((rule) =>
    rule.id === 'company-size' && rule.bands
      ? { ...rule, bands: rule.bands.map((b) => (b.min === 100 ? { ...b, points: 30 } : b)) }
      : rule,
  );
  return { ...agreement, fit: { ...agreement.fit, rules } };
}

/** Stores the contacts and two agreement versions: the example, then a one-band change. */
async function seed(db: Database): Promise<void> {
  const store = await createStore(db.options);
  const agreement = JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../examples/agreement.json'), 'utf8'),
  );
  for (let from = 0; from < CONTACTS; from += 10_000) {
    const chunk = rescoreContacts(from, Math.min(10_000, CONTACTS - from), NOW);
    await store.transaction((tx) => tx.contacts.upsertMany(PORTAL, chunk, NOW));
  }
  for (const body of [agreement, changed(agreement)]) {
    await store.agreements.create({
      portalId: PORTAL,
      name: body.name,
      body,
      createdBy: 'bench',
      createdAt: NOW,
    });
  }
  await store.close();
}

async function rescore(db: Database, version: number) {
  const store = await createStore(db.options);
  await store.transaction(async (tx) => {
    const draft = await tx.agreements.get(PORTAL, version);
    if (draft?.status !== 'draft') throw new Error(`Version ${version} is not a draft`);
    const previous = await tx.agreements.active(PORTAL);
    if (previous) await tx.agreements.save({ ...previous, status: 'superseded' });
    await tx.agreements.save({ ...draft, status: 'active', approvedBy: 'bench', approvedAt: NOW });
  });
  await store.close();
  const child = path.join(__dirname, 'rescore-child.js');
  const args = [
    child,
    db.options.databaseUrl ?? '',
    db.options.dataDir,
    PORTAL,
    String(version),
    String(NOW),
  ];
  const { stdout } = await run$(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as {
    seconds: number;
    cpuSeconds: number;
    peakRssMb: number;
    done: number;
    changed: number;
  };
}

async function benchEngine(engine: 'sqlite' | 'postgres'): Promise<BenchRow[]> {
  const db = await createBenchDatabase(engine);
  try {
    await seed(db);
    const first = await rescore(db, 1);
    const change = await rescore(db, 2);
    const label = `rescore ${CONTACTS.toLocaleString('en-US')} contacts, ${engine}`;
    const budget = engine === 'sqlite';
    return [
      {
        name: `${label}, first (all new)`,
        measured: first.seconds,
        unit: 's',
        note: `${first.changed} changed`,
      },
      {
        name: `${label}, after an agreement change`,
        measured: change.seconds,
        unit: 's',
        budget: budget ? { atMost: 20 } : undefined,
        note: `${change.changed} changed`,
      },
      { name: `${label}, throughput`, measured: change.done / change.seconds, unit: 'contacts/s' },
      // The machine is often shared: CPU time of the rescore process says what it costs without the load.
      {
        name: `${label}, after the change, per CPU second`,
        measured: change.done / change.cpuSeconds,
        unit: 'contacts/CPU-s',
      },
      {
        name: `${label}, peak RSS`,
        measured: Math.max(first.peakRssMb, change.peakRssMb),
        unit: 'MB',
        budget: budget ? { atMost: 300 } : undefined,
      },
    ];
  } finally {
    await db.drop();
  }
}

/** Rescore of 1,000,000 stored contacts on SQLite (budget: < 20 s, < 300 MB) and on PostgreSQL (reported). */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of ENGINES) rows.push(...(await benchEngine(engine)));
  return rows;
}
