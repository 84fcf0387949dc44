import fs from 'node:fs';
import path from 'node:path';
import { monthRange } from '../src/domain/report/month-range';
import { shiftMonth } from '../src/domain/report/shift-month';
import { criteriaPool, pick, random } from './report-bench-criteria';

export const REPORT_BENCH_PORTAL = '7001';
const ZONE = 'Asia/Tokyo';
const MONTHS = Array.from({ length: 12 }, (_, i) => shiftMonth('2026-11', i - 11));
const CAPACITY = 1500;
const DAY = 86_400_000;
const STAGE_OF = { 1: 'decision', 2: 'comparison', 3: 'interest', 4: 'awareness' } as const;
const CONVERSION = { A: 0.2, B: 0.1, C: 0.04, D: 0.01 } as const;
const REASONS = ['too_small', 'wrong_role', 'not_ready', 'bad_data', 'existing_relationship', 'other'];
/** Contacts per batch: each engine's sink writes one batch in one transaction. */
const BATCH = 50_000;

type Value = string | number | null;
/** portal_id, version, status, name, body, created_at, approved_at. */
export type VersionRow = [string, number, string, string, string, number, number];
/** portal_id, contact_id, properties (updated_at 0). */
export type ContactRow = [string, string, string];
/** portal_id, contact_id, tier, grade, score, stage, tier_reason, agreement_version, qualified_at, follow_up_due,
 * sla_status, recycled_at, criteria, at (route 'inside_sales', reasons ''). */
export type HistoryRow = Value[];
/** portal_id, contact_id, verdict, reason, at (user 'u1'). */
export type VerdictRow = [string, string, string, string | null, number];

/** The rows of up to BATCH contacts, in insertion (id) order. */
export interface ReportBatch {
  contacts: ContactRow[];
  history: HistoryRow[];
  verdicts: VerdictRow[];
}

/** Two approved agreement versions (v2 active since June 2026), both with capacity 1,500 a month. */
export function reportVersionRows(): VersionRow[] {
  const agreement = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'agreement.json'), 'utf8'),
  );
  const body = JSON.stringify({ ...agreement, capacity: { default: CAPACITY, months: {} } });
  return [
    [REPORT_BENCH_PORTAL, 1, 'superseded', 'v1', body, 0, Date.parse('2025-11-01')],
    [REPORT_BENCH_PORTAL, 2, 'active', 'v2', body, 0, Date.parse('2026-06-01')],
  ];
}

/**
 * `contacts` contacts created evenly over the 12 months to Nov 2026 (Tokyo), each qualified once; A1/A2/B1 leads
 * handed up to 1,500 a month (the rest held back), touched, breached, judged and recycled like a busy sales team
 * would. Deterministic (one seeded generator), so every engine and every run gets the same rows.
 */
export function* reportBatches(contacts: number): Generator<ReportBatch> {
  const rnd = random(42);
  const pool = criteriaPool(rnd);
  const handedPerMonth = new Map<string, number>();
  const ranges = MONTHS.map((month) => monthRange(month, ZONE));
  for (let from = 0; from < contacts; from += BATCH) {
    const batch: ReportBatch = { contacts: [], history: [], verdicts: [] };
    for (let i = from; i < Math.min(contacts, from + BATCH); i += 1) {
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
      batch.contacts.push([REPORT_BENCH_PORTAL, id, JSON.stringify(properties)]);
      const stage = STAGE_OF[level];
      const tier = disqualified ? 'disqualified' : handed ? 'sales_ready' : 'nurture';
      const reason = disqualified ? 'disqualified' : eligible && !handed ? 'capacity' : 'grade';
      const crits = pool.get(grade) as string[];
      const crit = crits[Math.floor(rnd() * crits.length)] as string;
      const row = (t: string, why: string, sla: string | null, recycled: number | null, when: number) => [
        REPORT_BENCH_PORTAL,
        id,
        t,
        grade,
        50,
        stage,
        why,
        version,
        at,
        due,
        sla,
        recycled,
        crit,
        when,
      ];
      if (handed) batch.history.push(row(tier, reason, 'on_track', null, at));
      else
        batch.history.push([
          REPORT_BENCH_PORTAL,
          id,
          tier,
          grade,
          50,
          stage,
          reason,
          version,
          null,
          null,
          null,
          null,
          crit,
          at,
        ]);
      if (!handed) continue;
      const met = touchedAt !== null && touchedAt <= due;
      batch.history.push(
        row('sales_ready', 'grade', met ? 'met' : 'breached', null, met ? (touchedAt as number) : due),
      );
      const verdict = rnd() < 0.6 ? (rnd() < 0.7 ? 'accepted' : 'rejected') : null;
      if (verdict)
        batch.verdicts.push([
          REPORT_BENCH_PORTAL,
          id,
          verdict,
          verdict === 'rejected' ? (REASONS[i % REASONS.length] as string) : null,
          at + DAY,
        ]);
      if (verdict === 'rejected' || (!converted && rnd() < 0.5)) {
        const recycledAt = verdict === 'rejected' ? at + DAY : at + 30 * DAY;
        batch.history.push(row('recycled', 'recycled', met ? 'met' : 'breached', recycledAt, recycledAt));
      }
    }
    yield batch;
  }
}
