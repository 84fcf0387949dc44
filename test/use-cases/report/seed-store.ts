import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/store/db-schema';

/** Epoch ms of a wall-clock time in Tokyo. */
export const tokyo = (local: string): number => Date.parse(`${local}:00+09:00`);

const example = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../../examples/agreement.json'), 'utf8'),
) as Record<string, unknown>;

/** The example agreement (Asia/Tokyo, sales-ready A1 A2 B1) with capacity 3 a month and 2 in December 2026. */
export const AGREEMENT = { ...example, capacity: { default: 3, months: { '2026-12': 2 } } };

type Criterion = [kind: 'fit' | 'signal' | 'disqualify', id: string, points: number];

interface HistoryRow {
  contact: string;
  at: string;
  tier: string;
  grade: string;
  stage?: string;
  reason?: string | null;
  qualified?: string | null;
  due?: string | null;
  sla?: string | null;
  recycled?: string | null;
  criteria?: Criterion[];
}

const time = (local: string | null | undefined): number | null => (local ? tokyo(local) : null);

/** Inserts qualification history rows (and the current qualification, the last row per contact). */
export async function addHistory(db: Kysely<Database>, portalId: string, rows: HistoryRow[]): Promise<void> {
  const values = rows.map((row) => ({
    portal_id: portalId,
    contact_id: row.contact,
    tier: row.tier,
    grade: row.grade,
    score: 50,
    stage: row.stage ?? 'decision',
    route: 'inside_sales',
    tier_reason: row.reason ?? null,
    reasons: '',
    agreement_version: 1,
    qualified_at: time(row.qualified),
    follow_up_due: time(row.due),
    sla_status: row.sla ?? null,
    recycled_at: time(row.recycled),
    capacity_month: null,
    criteria: JSON.stringify(
      (row.criteria ?? []).map(([kind, id, points]) => ({
        kind,
        id,
        label: id,
        property: 'x',
        value: null,
        outcome: 'matched',
        points,
      })),
    ),
    at: tokyo(row.at),
  }));
  await db.insertInto('qualification_history').values(values).execute();
}

/** Inserts contacts with their snapshot properties. */
export async function addContacts(
  db: Kysely<Database>,
  portalId: string,
  contacts: Record<string, Record<string, string>>,
): Promise<void> {
  await db
    .insertInto('contacts')
    .values(
      Object.entries(contacts).map(([id, properties]) => ({
        portal_id: portalId,
        contact_id: id,
        properties: JSON.stringify(properties),
        company: null,
        hs_last_modified: null,
        updated_at: 0,
      })),
    )
    .execute();
}

/** Records the agreement as version 1, approved on 1 Sep 2026 and active. */
export async function addActiveAgreement(db: Kysely<Database>, portalId: string): Promise<void> {
  await db
    .insertInto('agreement_versions')
    .values({
      portal_id: portalId,
      version: 1,
      status: 'active',
      name: 'FY2027 H1',
      body: JSON.stringify(AGREEMENT),
      created_by: '1',
      created_at: tokyo('2026-08-20T10:00'),
      proposed_by: '1',
      proposed_at: tokyo('2026-08-25T10:00'),
      proposed_side: 'marketing',
      rationale: null,
      approved_by: '2',
      approved_at: tokyo('2026-09-01T10:00'),
      sent_back_by: null,
      sent_back_at: null,
      sent_back_comment: null,
      diff: null,
    })
    .execute();
}
