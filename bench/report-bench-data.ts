import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { monthRange } from '../src/domain/report/month-range';
import { shiftMonth } from '../src/domain/report/shift-month';
import { migrateToLatest } from '../src/store/migrate';
import { openDatabase, SQLITE_FILE } from '../src/store/open-database';

export const REPORT_BENCH_PORTAL = '7001';
const ZONE = 'Asia/Tokyo';
const MONTHS = Array.from({ length: 12 }, (_, i) => shiftMonth('2026-11', i - 11));
const CAPACITY = 1500;
const DAY = 86_400_000;
const FIT = ['company-size', 'role', 'industry'];
const SIGNALS = ['quote-click', 'price-list', 'doc-request', 'webinar-survey', 'email-click'];
const STAGE_OF = { 1: 'decision', 2: 'comparison', 3: 'interest', 4: 'awareness' } as const;
const CONVERSION = { A: 0.2, B: 0.1, C: 0.04, D: 0.01 } as const;
const REASONS = ['too_small', 'wrong_role', 'not_ready', 'bad_data', 'existing_relationship', 'other'];

/** A small deterministic generator (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: number, items: readonly T[], weights: readonly number[]): T => {
  let left = r;
  for (let i = 0; i < items.length; i += 1) {
    left -= weights[i] as number;
    if (left < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
};

/** Criteria JSON as the engine stores it: every rule and signal with its value, outcome and points. */
function criteria(rnd: () => number, fit: string, level: number): string {
  const rows = [
    ...FIT.map((id) => ({
      kind: 'fit',
      id,
      points: rnd() < (fit === 'D' ? 0.1 : 0.6) ? 15 + Math.round(rnd() * 25) : 0,
    })),
    ...SIGNALS.map((id, i) => ({
      kind: 'signal',
      id,
      points: rnd() < (i + 1 >= level ? 0.5 : 0.05) ? 5 + Math.round(rnd() * 55) : 0,
    })),
  ];
  return JSON.stringify(
    rows.map((row) => ({
      ...row,
      label: row.id,
      property: row.id.replace('-', '_'),
      value: row.points ? '1' : null,
      outcome: row.points ? 'matched' : 'not_matched',
    })),
  );
}

/**
 * A SQLite store in `dataDir` for one portal: `contacts` contacts created evenly over the 12 months to
 * Nov 2026 (Tokyo), each qualified once; A1/A2/B1 leads handed up to 1,500 a month (the rest held back),
 * touched, breached, judged and recycled like a busy sales team would. Bulk-inserted in large transactions.
 */
export async function generateReportStore(
  dataDir: string,
  contacts: number,
): Promise<{ historyRows: number; seconds: number }> {
  const started = Date.now();
  const opened = openDatabase({ dataDir });
  await migrateToLatest(opened.db, opened.engine);
  await opened.db.destroy();
  const sqlite = new BetterSqlite3(path.join(dataDir, SQLITE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const agreement = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'agreement.json'), 'utf8'),
  );
  const insertVersion = sqlite.prepare(
    `insert into agreement_versions (portal_id, version, status, name, body, created_at, approved_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  insertVersion.run(
    REPORT_BENCH_PORTAL,
    1,
    'superseded',
    'v1',
    JSON.stringify({ ...agreement, capacity: { default: CAPACITY, months: {} } }),
    0,
    Date.parse('2025-11-01'),
  );
  insertVersion.run(
    REPORT_BENCH_PORTAL,
    2,
    'active',
    'v2',
    JSON.stringify({ ...agreement, capacity: { default: CAPACITY, months: {} } }),
    0,
    Date.parse('2026-06-01'),
  );
  const insertContact = sqlite.prepare(
    `insert into contacts (portal_id, contact_id, properties, updated_at) values (?, ?, ?, 0)`,
  );
  const insertHistory = sqlite.prepare(
    `insert into qualification_history (portal_id, contact_id, tier, grade, score, stage, route, tier_reason, reasons, agreement_version,
       qualified_at, follow_up_due, sla_status, recycled_at, criteria, at) values (?, ?, ?, ?, ?, ?, 'inside_sales', ?, '', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVerdict = sqlite.prepare(
    `insert into verdicts (portal_id, contact_id, user_id, verdict, reason, at) values (?, ?, 'u1', ?, ?, ?)`,
  );
  const rnd = random(42);
  // Criteria JSON is drawn from a pool per grade: generating it per row would dominate the bench set-up.
  const criteriaPool = new Map<string, string[]>();
  for (const fit of ['A', 'B', 'C', 'D']) {
    for (const level of [1, 2, 3, 4])
      criteriaPool.set(
        `${fit}${level}`,
        Array.from({ length: 64 }, () => criteria(rnd, fit, level)),
      );
  }
  const handedPerMonth = new Map<string, number>();
  const ranges = MONTHS.map((month) => monthRange(month, ZONE));
  let historyRows = 0;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const id = String(i + 1);
      const m = i % MONTHS.length;
      const range = ranges[m] as { start: number; end: number };
      const at = range.start + Math.floor(rnd() * (range.end - range.start));
      const fit = pick(rnd(), ['A', 'B', 'C', 'D'] as const, [0.1, 0.2, 0.3, 0.4]);
      const level = pick(rnd(), [1, 2, 3, 4] as const, [0.05, 0.1, 0.25, 0.6]);
      const grade = `${fit}${level}`;
      const version = at >= Date.parse('2026-06-01') ? 2 : 1;
      const converted = rnd() < CONVERSION[fit];
      const disqualified = rnd() < 0.03;
      const eligible = !disqualified && ['A1', 'A2', 'B1'].includes(grade);
      const month = MONTHS[m] as string;
      const handed = eligible && (handedPerMonth.get(month) ?? 0) < CAPACITY;
      if (handed) handedPerMonth.set(month, (handedPerMonth.get(month) ?? 0) + 1);
      const due = at + 2 * DAY;
      const touchedAt = handed && rnd() < 0.8 ? at + Math.floor(rnd() * 4 * DAY) : null;
      const properties: Record<string, string> = {
        lifecyclestage: converted ? 'opportunity' : 'lead',
        num_associated_deals: converted && rnd() < 0.5 ? '1' : '0',
        hubspot_owner_id: `o${i % 20}`,
        jobtitle: 'Manager',
      };
      if (touchedAt !== null) properties.notes_last_contacted = String(touchedAt);
      insertContact.run(REPORT_BENCH_PORTAL, id, JSON.stringify(properties));
      const stage = STAGE_OF[level];
      const tier = disqualified ? 'disqualified' : handed ? 'sales_ready' : 'nurture';
      const reason = disqualified ? 'disqualified' : eligible && !handed ? 'capacity' : 'grade';
      const pool = criteriaPool.get(`${fit}${level}`) as string[];
      const crit = pool[Math.floor(rnd() * pool.length)] as string;
      insertHistory.run(
        REPORT_BENCH_PORTAL,
        id,
        tier,
        grade,
        50,
        stage,
        reason,
        version,
        handed ? at : null,
        handed ? due : null,
        handed ? 'on_track' : null,
        null,
        crit,
        at,
      );
      historyRows += 1;
      if (!handed) continue;
      const met = touchedAt !== null && touchedAt <= due;
      insertHistory.run(
        REPORT_BENCH_PORTAL,
        id,
        'sales_ready',
        grade,
        50,
        stage,
        'grade',
        version,
        at,
        due,
        met ? 'met' : 'breached',
        null,
        crit,
        met ? touchedAt : due,
      );
      historyRows += 1;
      const verdict = rnd() < 0.6 ? (rnd() < 0.7 ? 'accepted' : 'rejected') : null;
      if (verdict)
        insertVerdict.run(
          REPORT_BENCH_PORTAL,
          id,
          verdict,
          verdict === 'rejected' ? REASONS[i % REASONS.length] : null,
          at + DAY,
        );
      if (verdict === 'rejected' || (!converted && rnd() < 0.5)) {
        const recycledAt = verdict === 'rejected' ? at + DAY : at + 30 * DAY;
        insertHistory.run(
          REPORT_BENCH_PORTAL,
          id,
          'recycled',
          grade,
          50,
          stage,
          'recycled',
          version,
          at,
          due,
          met ? 'met' : 'breached',
          recycledAt,
          crit,
          recycledAt,
        );
        historyRows += 1;
      }
    }
  });
  for (let from = 0; from < contacts; from += 50_000) batch(from, Math.min(contacts, from + 50_000));
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { historyRows, seconds: (Date.now() - started) / 1000 };
}
