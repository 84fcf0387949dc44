import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { DIFF_CHANGES } from '../../domain/diff-agreements';
import {
  SIDES,
  VERSION_STATUSES,
  type AgreementVersion,
  type AgreementVersionsPort,
} from '../../use-cases/ports/agreement-versions';
import type { DbContext } from '../db-context';
import type { AgreementVersionsTable } from '../db-schema';
import { storedTeamMapping } from '../team-ids';
import { fromJson, toJson } from '../json-column';
import { storedAgreementBody } from './stored-agreement-body';

const diffSchema = z.array(
  z.object({
    path: z.string(),
    change: z.enum(DIFF_CHANGES),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    text: z.string(),
  }),
);

function toVersion(r: AgreementVersionsTable): AgreementVersion {
  const version = Number(r.version);
  return {
    portalId: r.portal_id,
    version,
    status: z.enum(VERSION_STATUSES).parse(r.status),
    name: r.name,
    body: storedAgreementBody(r.portal_id, version, r.body),
    createdBy: r.created_by,
    createdAt: r.created_at,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at,
    proposedSide: z.enum(SIDES).nullable().parse(r.proposed_side),
    proposedTeamMapping:
      r.proposed_team_mapping === null
        ? null
        : fromJson(storedTeamMapping, r.proposed_team_mapping, 'agreement_versions.proposed_team_mapping'),
    rationale: r.rationale,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    sentBackBy: r.sent_back_by,
    sentBackAt: r.sent_back_at,
    sentBackComment: r.sent_back_comment,
    diff: r.diff === null ? null : fromJson(diffSchema, r.diff, 'agreement_versions.diff'),
  };
}

function toRow(v: AgreementVersion): AgreementVersionsTable {
  return {
    portal_id: v.portalId,
    version: v.version,
    status: v.status,
    name: v.name,
    body: toJson(v.body),
    created_by: v.createdBy,
    created_at: v.createdAt,
    proposed_by: v.proposedBy,
    proposed_at: v.proposedAt,
    proposed_side: v.proposedSide,
    proposed_team_mapping: v.proposedTeamMapping === null ? null : toJson(v.proposedTeamMapping),
    rationale: v.rationale,
    approved_by: v.approvedBy,
    approved_at: v.approvedAt,
    sent_back_by: v.sentBackBy,
    sent_back_at: v.sentBackAt,
    sent_back_comment: v.sentBackComment,
    diff: v.diff === null ? null : toJson(v.diff),
  };
}

const UNIQUE_VIOLATIONS = new Set(['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** A second active version or a taken version number (the portal lock should prevent both) is a conflict. */
async function conflictOnUnique(portalId: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!UNIQUE_VIOLATIONS.has(String((error as { code?: unknown }).code))) throw error;
    throw new AppError('conflict', `The agreement of portal ${portalId} changed meanwhile; try again.`, [], {
      cause: error,
    });
  }
}

/** A draft numbered `version`, nothing proposed, approved or sent back yet. */
const newDraft = (
  draft: Parameters<AgreementVersionsPort['create']>[0],
  version: number,
): AgreementVersion => ({
  ...draft,
  version,
  status: 'draft',
  ...{ proposedBy: null, proposedAt: null, proposedSide: null, proposedTeamMapping: null, rationale: null },
  ...{ approvedBy: null, approvedAt: null, sentBackBy: null, sentBackAt: null, sentBackComment: null },
  diff: null,
});

/**
 * Agreement versions per portal (a unique partial index keeps one active), bodies parsed once (stored-agreement-body).
 * `lockPortal` takes a PostgreSQL advisory lock held until the transaction ends; on SQLite the store's
 * `BEGIN IMMEDIATE` already serialises writers.
 */
export function agreementVersionsRepository(ctx: DbContext): AgreementVersionsPort {
  const rows = (portalId: string) =>
    ctx.db.selectFrom('agreement_versions').selectAll().where('portal_id', '=', portalId);
  return {
    async lockPortal(portalId) {
      if (ctx.engine !== 'postgres') return;
      await sql`select pg_advisory_xact_lock(hashtext(${`lead-pact:agreement:${portalId}`}))`.execute(ctx.db);
    },
    async get(portalId, version) {
      const row = await rows(portalId).where('version', '=', version).executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async active(portalId) {
      const row = await rows(portalId).where('status', '=', 'active').executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async list(portalId, filter = {}) {
      let query = rows(portalId);
      if (filter.statuses) {
        if (filter.statuses.length === 0) return [];
        query = query.where('status', 'in', [...filter.statuses]);
      }
      if (filter.before !== undefined) query = query.where('version', '<', filter.before);
      if (filter.after !== undefined) query = query.where('version', '>', filter.after);
      query = query.orderBy('version', 'desc');
      if (filter.limit !== undefined) query = query.limit(filter.limit);
      return (await query.execute()).map(toVersion);
    },
    async approved(portalId) {
      const approved = await rows(portalId)
        .where('approved_at', 'is not', null)
        .orderBy('approved_at')
        .orderBy('version')
        .execute();
      return approved.map(toVersion);
    },
    async create(draft) {
      const last = await ctx.db
        .selectFrom('agreement_versions')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('portal_id', '=', draft.portalId)
        .executeTakeFirst();
      const version = newDraft(draft, Number(last?.max ?? 0) + 1);
      await conflictOnUnique(draft.portalId, () =>
        ctx.db.insertInto('agreement_versions').values(toRow(version)).execute(),
      );
      return version;
    },
    async save(version) {
      const { portal_id, version: number, ...columns } = toRow(version);
      await conflictOnUnique(portal_id, () =>
        ctx.db
          .updateTable('agreement_versions')
          .set(columns)
          .where('portal_id', '=', portal_id)
          .where('version', '=', number)
          .execute(),
      );
    },
  };
}

export type AgreementVersionsRepository = AgreementVersionsPort;
