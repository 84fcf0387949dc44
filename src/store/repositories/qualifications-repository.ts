import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { bulkWrite } from '../bulk-write';
import type { DbContext } from '../db-context';
import type { QualificationsTable } from '../db-schema';
import { fromJson, toJson } from '../json-column';
import { UPSERT_CHUNK } from './contacts-repository';
import type {
  HeldBack,
  QualificationSummary,
  QualificationsPort,
  SlaPatch,
  StoredQualification,
} from '../../use-cases/ports/qualifications';

/** Columns read for comparisons (everything but the bulky criteria). */
export const SUMMARY_COLUMNS = [
  'contact_id',
  'tier',
  'grade',
  'score',
  'stage',
  'route',
  'tier_reason',
  'reasons',
  'agreement_version',
  'qualified_at',
  'follow_up_due',
  'sla_status',
  'recycled_at',
  'capacity_month',
] as const;

/** Why a lead was held back by capacity (migration 010): read with the whole row, not by comparisons and pages. */
export const HELD_COLUMNS = ['held_route', 'held_by'] as const;

/** The columns a history row copies from the current qualification. */
const HISTORY_COPY_COLUMNS = ['portal_id', ...SUMMARY_COLUMNS, ...HELD_COLUMNS, 'criteria'] as const;

const UPDATED_COLUMNS = [...SUMMARY_COLUMNS.slice(1), ...HELD_COLUMNS, 'criteria', 'updated_at'] as const;

type SummaryRow = Pick<QualificationsTable, (typeof SUMMARY_COLUMNS)[number]> &
  Partial<Pick<Selectable<QualificationsTable>, (typeof HELD_COLUMNS)[number]>>;

/** The held-back columns as the port's `heldBack` (null unless both are set to what they may hold). */
function heldBackOf(r: SummaryRow): HeldBack | null {
  if (!r.held_route || (r.held_by !== 'route' && r.held_by !== 'total')) return null;
  return { route: r.held_route, by: r.held_by };
}

/** Maps stored columns (without criteria) to the domain-facing shape. */
export function toSummary(r: SummaryRow): QualificationSummary {
  return {
    contactId: r.contact_id,
    tier: r.tier,
    grade: r.grade,
    score: r.score,
    stage: r.stage,
    route: r.route,
    tierReason: r.tier_reason,
    reasons: r.reasons,
    agreementVersion: r.agreement_version,
    qualifiedAt: r.qualified_at,
    followUpDue: r.follow_up_due,
    slaStatus: r.sla_status,
    recycledAt: r.recycled_at,
    capacityMonth: r.capacity_month,
    ...(r.held_route === undefined ? {} : { heldBack: heldBackOf(r) }),
  };
}

function toColumns(portalId: string, q: StoredQualification) {
  return {
    portal_id: portalId,
    contact_id: q.contactId,
    tier: q.tier,
    grade: q.grade,
    score: q.score,
    stage: q.stage,
    route: q.route,
    tier_reason: q.tierReason,
    reasons: q.reasons,
    agreement_version: q.agreementVersion,
    qualified_at: q.qualifiedAt,
    follow_up_due: q.followUpDue,
    sla_status: q.slaStatus,
    recycled_at: q.recycledAt,
    capacity_month: q.capacityMonth,
    held_route: q.heldBack?.route ?? null,
    held_by: q.heldBack?.by ?? null,
    criteria: toJson(q.criteria),
  };
}

/** Current qualifications (one per contact) and their history. */
export function qualificationsRepository(ctx: DbContext): QualificationsPort {
  return {
    /**
     * The current qualification of a contact, or undefined. With `lock`, PostgreSQL holds the row until the
     * transaction ends, so concurrent writers of one contact take turns (SQLite's write transactions already do).
     */
    async get(
      portalId: string,
      contactId: string,
      options: { lock?: boolean } = {},
    ): Promise<StoredQualification | undefined> {
      let query = ctx.db
        .selectFrom('qualifications')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId);
      if (options.lock && ctx.engine === 'postgres') query = query.forUpdate();
      const row = await query.executeTakeFirst();
      return row
        ? { ...toSummary(row), criteria: fromJson(z.unknown(), row.criteria, 'qualifications.criteria') }
        : undefined;
    },
    /** Up to `limit` current qualifications in one tier after `afterId` (contact id order), without criteria. */
    async pageInTier(
      portalId: string,
      tier: StoredQualification['tier'],
      afterId: string | null,
      limit: number,
    ): Promise<QualificationSummary[]> {
      let query = ctx.db
        .selectFrom('qualifications')
        .select(SUMMARY_COLUMNS)
        .where('portal_id', '=', portalId)
        .where('tier', '=', tier)
        .orderBy('contact_id')
        .limit(limit);
      if (afterId !== null) query = query.where('contact_id', '>', afterId);
      return (await query.execute()).map(toSummary);
    },
    /** Replaces the current qualification of many contacts (history is separate: `appendHistory`). */
    async upsertMany(portalId: string, rows: readonly StoredQualification[], at: number): Promise<void> {
      for (let i = 0; i < rows.length; i += UPSERT_CHUNK / 2) {
        const values = rows
          .slice(i, i + UPSERT_CHUNK / 2)
          .map((q) => ({ ...toColumns(portalId, q), updated_at: at }));
        await bulkWrite(ctx, 'qualifications.upsert', values, (chunk) =>
          ctx.db
            .insertInto('qualifications')
            .values(chunk)
            .onConflict((oc) =>
              oc
                .columns(['portal_id', 'contact_id'])
                .doUpdateSet((eb) =>
                  Object.fromEntries(
                    UPDATED_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.tier')]),
                  ),
                ),
            ),
        );
      }
    },
    /** Appends qualifications to the contacts' history (callers add a row when the verdict changed). */
    async appendHistory(portalId: string, rows: readonly StoredQualification[], at: number): Promise<void> {
      for (let i = 0; i < rows.length; i += UPSERT_CHUNK / 2) {
        const values = rows.slice(i, i + UPSERT_CHUNK / 2).map((q) => ({ ...toColumns(portalId, q), at }));
        await bulkWrite(ctx, 'qualifications.history', values, (chunk) =>
          ctx.db.insertInto('qualification_history').values(chunk),
        );
      }
    },
    /**
     * Updates the SLA fields of one contact (sweeps, rejections). With `expected`, only while its tier, SLA status
     * and due date are still those values (a compare-and-set, so two sweeps never both apply one change); returns
     * whether the row changed.
     */
    async updateSla(
      portalId: string,
      contactId: string,
      patch: SlaPatch,
      at: number,
      expected?: Pick<StoredQualification, 'tier' | 'slaStatus' | 'followUpDue'>,
    ): Promise<boolean> {
      let query = ctx.db
        .updateTable('qualifications')
        .set({
          tier: patch.tier,
          sla_status: patch.slaStatus,
          follow_up_due: patch.followUpDue,
          recycled_at: patch.recycledAt,
          tier_reason: patch.tierReason,
          updated_at: at,
        })
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId);
      if (expected)
        query = query
          .where('tier', '=', expected.tier)
          .where('sla_status', expected.slaStatus === null ? 'is' : '=', expected.slaStatus)
          .where('follow_up_due', expected.followUpDue === null ? 'is' : '=', expected.followUpDue);
      const result = await query.executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /**
     * Adds the contact's current qualification to its history after a change made in place (an SLA breach, a
     * recycle), so the monthly report sees it; a recycle carries its cause (`sla_no_touch`, `sla_no_progress`,
     * `rejected`), anything else `null`.
     */
    async recordInHistory(
      portalId: string,
      contactId: string,
      at: number,
      recycleCause: string | null = null,
    ): Promise<void> {
      await ctx.db
        .insertInto('qualification_history')
        .columns([...HISTORY_COPY_COLUMNS, 'recycle_cause', 'at'])
        .expression(
          ctx.db
            .selectFrom('qualifications')
            .select(HISTORY_COPY_COLUMNS)
            .select([
              sql<string | null>`cast(${recycleCause} as text)`.as('recycle_cause'),
              sql.lit(at).as('at'),
            ])
            .where('portal_id', '=', portalId)
            .where('contact_id', '=', contactId),
        )
        .execute();
    },
    /** Past qualifications of a contact, newest first. */
    async history(
      portalId: string,
      contactId: string,
      limit = 50,
    ): Promise<(StoredQualification & { at: number })[]> {
      const rows = await ctx.db
        .selectFrom('qualification_history')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        ...toSummary(r),
        criteria: fromJson(z.unknown(), r.criteria, 'criteria'),
        at: r.at,
      }));
    },
  };
}

export type QualificationsRepository = ReturnType<typeof qualificationsRepository>;
