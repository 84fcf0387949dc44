import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { ObservedChange } from '../../domain/qualification';
import type { CardSnapshot, CardSnapshotsPort } from '../../use-cases/ports/card-snapshot';
import type { DbContext } from '../db-context';
import type { LeadsTable, QualificationsTable } from '../db-schema';
import { fromJson, fromJsonValue } from '../json-column';
import { readPropertyMap } from '../repositories/contacts-repository';
import { toInstallationState } from '../repositories/installations-repository';
import { toHandoff } from '../repositories/leads-repository';
import { toSummary } from '../repositories/qualifications-repository';

/** One row: installation, active version (no body), the contact's qualification, snapshot, signal history and latest verdict. */
type QualificationRow = Omit<Selectable<QualificationsTable>, 'portal_id'>;
/** The contact's latest Lead handoff, its columns prefixed `lead_` (all null when it has none). */
type LeadColumns = {
  [K in Exclude<keyof LeadsTable, 'portal_id' | 'contact_id'> as `lead_${K}`]: LeadsTable[K] | null;
};
type SnapshotRow = Partial<QualificationRow> &
  LeadColumns & {
    install_status: string | null;
    install_status_reason: string | null;
    install_locale: string | null;
    active_version: number | null;
    contact_properties: string | null;
    contact_company: string | null;
    verdict: string | null;
    verdict_reason: string | null;
    verdict_note: string | null;
    verdict_at: number | null;
    /** `[[property, value, occurred_at], ...]` oldest first: JSON text on SQLite, parsed by pg on PostgreSQL. */
    signal_history: string | unknown[] | null;
  };

const historySchema = z.array(z.tuple([z.string(), z.string(), z.number()]));

/**
 * The contact's signal history as one JSON array column. Read in the same statement as the rest: a second query
 * for it cost about 15% of a card request under load (bench/card-api-bench.ts).
 */
const historyColumn = (engine: DbContext['engine'], portalId: string, contactId: string) =>
  engine === 'postgres'
    ? sql`(select coalesce(json_agg(json_build_array(h.property, h.value, h.occurred_at) order by h.occurred_at), '[]'::json)
        from signal_history h where h.portal_id = ${portalId} and h.contact_id = ${contactId})`
    : sql`(select json_group_array(json_array(h.property, h.value, h.occurred_at) order by h.occurred_at)
        from signal_history h where h.portal_id = ${portalId} and h.contact_id = ${contactId})`;

function readHistory(column: SnapshotRow['signal_history']): ObservedChange[] {
  if (column === null) return [];
  const entries =
    typeof column === 'string'
      ? fromJson(historySchema, column, 'signal_history')
      : fromJsonValue(historySchema, column, 'signal_history');
  return entries.map(([property, value, at]) => ({ property, value, at }));
}

function installationOf(r: SnapshotRow): CardSnapshot['installation'] {
  if (r.install_status === null || r.install_locale === null) return null;
  const { status, statusReason } = toInstallationState({
    status: r.install_status,
    status_reason: r.install_status_reason,
    locale: r.install_locale,
  });
  return { status, statusReason };
}

function qualificationOf(r: SnapshotRow): CardSnapshot['qualification'] {
  if (r.contact_id === null || r.contact_id === undefined) return null;
  const q = r as QualificationRow;
  return {
    ...toSummary(q),
    updatedAt: Number(q.updated_at),
    storedCriteria: () => fromJson(z.unknown(), q.criteria, 'qualifications.criteria'),
  };
}

/** The leads columns the snapshot reads, each as `lead_<column>`. */
const LEAD_COLUMNS = [
  'handoff_at',
  'lead_id',
  'wanted',
  'reason',
  'reason_note',
  'name',
  'owner_id',
  'team_id',
  'company_id',
  'grade',
  'route',
  'reasons',
  'hubspot_stage',
  'worked_at',
  'converted_at',
  'closed_at',
  'status',
  'revision',
  'attempts',
  'next_attempt_at',
  'message',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof LeadsTable)[];
const leadSelect = sql.raw(LEAD_COLUMNS.map((c) => `l.${c} as lead_${c}`).join(', '));

function leadOf(r: SnapshotRow, portalId: string, contactId: string): CardSnapshot['lead'] {
  if (r.lead_handoff_at === null) return null;
  const row = Object.fromEntries(LEAD_COLUMNS.map((c) => [c, r[`lead_${c}`]]));
  return toHandoff({
    ...(row as Omit<LeadsTable, 'portal_id' | 'contact_id'>),
    portal_id: portalId,
    contact_id: contactId,
  });
}

function contactOf(r: SnapshotRow, contactId: string): CardSnapshot['contact'] {
  if (r.contact_properties === null) return null;
  return {
    id: contactId,
    properties: readPropertyMap(r.contact_properties, 'contacts.properties'),
    company: r.contact_company === null ? null : readPropertyMap(r.contact_company, 'contacts.company'),
  };
}

/**
 * Everything GET /api/card needs about one contact in one indexed query (it used to take seven). Each join is on a
 * primary key or a unique index, so it reads at most one row of each table. The agreement body is not read here:
 * the card keeps parsed approved versions by number (bench/card-api-bench.ts).
 */
export function cardSnapshots(ctx: DbContext): CardSnapshotsPort {
  return {
    async read(portalId, contactId) {
      const { rows } = await sql<SnapshotRow>`
        select i.status as install_status, i.status_reason as install_status_reason, i.locale as install_locale,
          av.version as active_version,
          q.contact_id, q.tier, q.grade, q.score, q.stage, q.route, q.tier_reason, q.reasons, q.agreement_version,
          q.qualified_at, q.follow_up_due, q.sla_status, q.recycled_at, q.capacity_month, q.criteria, q.updated_at,
          q.held_route, q.held_by,
          c.properties as contact_properties, c.company as contact_company,
          v.verdict, v.reason as verdict_reason, v.note as verdict_note, v.at as verdict_at,
          ${historyColumn(ctx.engine, portalId, contactId)} as signal_history,
          ${leadSelect}
        from (select 1 as one) base
        left join installations i on i.portal_id = ${portalId}
        left join agreement_versions av on av.portal_id = ${portalId} and av.status = 'active'
        left join qualifications q on q.portal_id = ${portalId} and q.contact_id = ${contactId}
        left join contacts c on c.portal_id = ${portalId} and c.contact_id = ${contactId}
        left join verdicts v on v.id = (
          select id from verdicts where portal_id = ${portalId} and contact_id = ${contactId}
          order by at desc, id desc limit 1)
        left join leads l on l.portal_id = ${portalId} and l.contact_id = ${contactId} and l.handoff_at = (
          select max(handoff_at) from leads where portal_id = ${portalId} and contact_id = ${contactId})
      `.execute(ctx.db);
      const r = rows[0];
      if (!r) throw new Error('The card snapshot query returned no row');
      return {
        installation: installationOf(r),
        activeVersion: r.active_version === null ? null : Number(r.active_version),
        qualification: qualificationOf(r),
        contact: contactOf(r, contactId),
        signalHistory: r.contact_properties === null ? [] : readHistory(r.signal_history),
        lead: leadOf(r, portalId, contactId),
        verdict:
          r.verdict === null || r.verdict_at === null
            ? null
            : {
                verdict: r.verdict,
                reason: r.verdict_reason,
                note: r.verdict_note,
                at: Number(r.verdict_at),
              },
      };
    },
  };
}
