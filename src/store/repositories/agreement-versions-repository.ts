import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import type { DbContext } from '../db-context';
import type { AgreementVersionsTable } from '../db-schema';
import { fromJson, toJson } from '../json-column';

export const AGREEMENT_STATUSES = ['draft', 'proposed', 'active', 'superseded', 'sent_back'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** One version of a portal's agreement with its review trail. `body` is the agreement JSON as submitted. */
export interface AgreementVersion {
  portalId: string;
  version: number;
  status: AgreementStatus;
  name: string;
  body: unknown;
  createdBy: string | null;
  createdAt: number;
  proposedBy: string | null;
  proposedAt: number | null;
  proposedSide: string | null;
  rationale: string | null;
  approvedBy: string | null;
  approvedAt: number | null;
  sentBackBy: string | null;
  sentBackAt: number | null;
  sentBackComment: string | null;
  diff: unknown;
}

/** Fields a lifecycle step may set. */
export type AgreementPatch = Partial<
  Pick<
    AgreementVersion,
    'status' | 'proposedBy' | 'proposedAt' | 'proposedSide' | 'rationale' | 'approvedBy' | 'approvedAt'
  > &
    Pick<AgreementVersion, 'sentBackBy' | 'sentBackAt' | 'sentBackComment' | 'diff' | 'name' | 'body'>
>;

function toVersion(r: AgreementVersionsTable): AgreementVersion {
  return {
    portalId: r.portal_id,
    version: r.version,
    status: z.enum(AGREEMENT_STATUSES).parse(r.status),
    name: r.name,
    body: fromJson(z.unknown(), r.body, 'agreement_versions.body'),
    createdBy: r.created_by,
    createdAt: r.created_at,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at,
    proposedSide: r.proposed_side,
    rationale: r.rationale,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    sentBackBy: r.sent_back_by,
    sentBackAt: r.sent_back_at,
    sentBackComment: r.sent_back_comment,
    diff: r.diff === null ? null : fromJson(z.unknown(), r.diff, 'agreement_versions.diff'),
  };
}

function toColumns(p: AgreementPatch): Partial<AgreementVersionsTable> {
  const columns: Partial<AgreementVersionsTable> = {
    status: p.status,
    name: p.name,
    proposed_by: p.proposedBy,
    proposed_at: p.proposedAt,
    proposed_side: p.proposedSide,
    rationale: p.rationale,
    approved_by: p.approvedBy,
    approved_at: p.approvedAt,
    sent_back_by: p.sentBackBy,
    sent_back_at: p.sentBackAt,
    sent_back_comment: p.sentBackComment,
    body: p.body === undefined ? undefined : toJson(p.body),
    diff: p.diff === undefined ? undefined : p.diff === null ? null : toJson(p.diff),
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** Agreement versions per portal; at most one active (a unique partial index guarantees it). */
export function agreementVersionsRepository(ctx: DbContext) {
  const select = (portalId: string) =>
    ctx.db.selectFrom('agreement_versions').selectAll().where('portal_id', '=', portalId);
  const repo = {
    /** Stores a new draft under the next version number and returns that number. */
    createDraft(input: {
      portalId: string;
      name: string;
      body: unknown;
      createdBy: string | null;
      at: number;
    }) {
      return ctx.transaction(async (tx) => {
        const last = await tx.db
          .selectFrom('agreement_versions')
          .select((eb) => eb.fn.max('version').as('max'))
          .where('portal_id', '=', input.portalId)
          .executeTakeFirst();
        const version = Number(last?.max ?? 0) + 1;
        await tx.db
          .insertInto('agreement_versions')
          .values({
            portal_id: input.portalId,
            version,
            status: 'draft',
            name: input.name,
            body: toJson(input.body),
            created_by: input.createdBy,
            created_at: input.at,
          })
          .execute();
        return version;
      });
    },
    /** One version, or undefined. */
    async get(portalId: string, version: number): Promise<AgreementVersion | undefined> {
      const row = await select(portalId).where('version', '=', version).executeTakeFirst();
      return row ? toVersion(row) : undefined;
    },
    /** The active version, or undefined when the portal has none yet. */
    async getActive(portalId: string): Promise<AgreementVersion | undefined> {
      const row = await select(portalId).where('status', '=', 'active').executeTakeFirst();
      return row ? toVersion(row) : undefined;
    },
    /** Every version, oldest first. */
    async list(portalId: string): Promise<AgreementVersion[]> {
      return (await select(portalId).orderBy('version').execute()).map(toVersion);
    },
    /** Applies a patch only while the version is in one of `from` (compare-and-set); returns whether it did. */
    async transition(portalId: string, version: number, from: AgreementStatus[], patch: AgreementPatch) {
      const result = await ctx.db
        .updateTable('agreement_versions')
        .set(toColumns(patch))
        .where('portal_id', '=', portalId)
        .where('version', '=', version)
        .where('status', 'in', from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    /** Makes a version active and the previous active one superseded, atomically. */
    activate(portalId: string, version: number, from: AgreementStatus[], patch: AgreementPatch) {
      return ctx.transaction(async (tx) => {
        await tx.db
          .updateTable('agreement_versions')
          .set({ status: 'superseded' })
          .where('portal_id', '=', portalId)
          .where('status', '=', 'active')
          .where('version', '!=', version)
          .execute();
        const done = await agreementVersionsRepository(tx).transition(portalId, version, from, {
          ...patch,
          status: 'active',
        });
        if (!done)
          throw new AppError('conflict', `Agreement version ${version} cannot be activated from its status`);
      });
    },
  };
  return repo;
}

export type AgreementVersionsRepository = ReturnType<typeof agreementVersionsRepository>;
