import { sql, type UpdateObject } from 'kysely';
import { z } from 'zod';
import { REP_IN_HUBSPOT } from '../../domain/lead-stages';
import {
  LEAD_SYNC_STATUSES,
  WANTED_LEAD_STATES,
  type LeadCounts,
  type LeadHandoff,
  type LeadSyncStatus,
  type LeadsPort,
  type NewLeadHandoff,
  type WantedLeadState,
} from '../../use-cases/ports/leads';
import type { DbContext } from '../db-context';
import type { Database, LeadsTable } from '../db-schema';

const wantedSchema = z.enum(WANTED_LEAD_STATES);
const statusSchema = z.enum(LEAD_SYNC_STATUSES);

export function toHandoff(r: LeadsTable): LeadHandoff {
  return {
    contactId: r.contact_id,
    handoffAt: Number(r.handoff_at),
    leadId: r.lead_id,
    wanted: wantedSchema.parse(r.wanted),
    reason: r.reason,
    reasonNote: r.reason_note,
    name: r.name,
    ownerId: r.owner_id,
    teamId: r.team_id,
    companyId: r.company_id,
    grade: r.grade,
    route: r.route,
    reasons: r.reasons,
    hubspotStage: r.hubspot_stage,
    workedAt: r.worked_at === null ? null : Number(r.worked_at),
    convertedAt: r.converted_at === null ? null : Number(r.converted_at),
    status: statusSchema.parse(r.status),
    revision: r.revision,
    attempts: r.attempts,
    nextAttemptAt: Number(r.next_attempt_at),
    message: r.message,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

type RowKey = Pick<LeadHandoff, 'contactId' | 'handoffAt'>;

/** Ids per `in (...)` list: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const IN_CHUNK = 1000;

/**
 * The handed-over Leads (migration 009), which are also the Leads outbox. A row is "open" while its `closed_at` is
 * null: handed over or accepted, not disqualified by Lead Pact, not converted, and not refused by HubSpot before a
 * Lead existed. The unique index `leads_one_open` keeps one open row per contact under any concurrency.
 */
export function leadsRepository(ctx: DbContext) {
  const openRow = (portalId: string, contactId: string) =>
    ctx.db
      .selectFrom('leads')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('contact_id', '=', contactId)
      .where('closed_at', 'is', null);

  /** An update of one handoff's row, by its primary key (portal, contact, handoff). */
  const updateRow = (portalId: string, row: RowKey) => ({
    set: (values: UpdateObject<Database, 'leads'>) =>
      ctx.db
        .updateTable('leads')
        .set(values)
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', row.contactId)
        .where('handoff_at', '=', row.handoffAt),
  });

  return {
    async open(portalId: string, handoff: NewLeadHandoff, now: number): Promise<boolean> {
      const inserted = await ctx.db
        .insertInto('leads')
        .values({
          portal_id: portalId,
          contact_id: handoff.contactId,
          handoff_at: handoff.handoffAt,
          lead_id: null,
          wanted: 'open',
          reason: null,
          reason_note: null,
          name: handoff.name,
          owner_id: handoff.ownerId,
          team_id: handoff.teamId ?? null,
          company_id: handoff.companyId,
          grade: handoff.grade,
          route: handoff.route,
          reasons: handoff.reasons,
          hubspot_stage: null,
          worked_at: null,
          converted_at: null,
          closed_at: null,
          status: 'pending',
          revision: 1,
          attempts: 0,
          next_attempt_at: now,
          message: null,
          created_at: now,
          updated_at: now,
        })
        // Either the handoff is recorded already (primary key) or the contact has an open Lead (leads_one_open).
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    async close(
      portalId: string,
      contactId: string,
      wanted: Exclude<WantedLeadState, 'open'>,
      reason: string | null,
      reasonNote: string | null,
      now: number,
    ): Promise<boolean> {
      let update = ctx.db
        .updateTable('leads')
        .set((eb) => ({
          wanted,
          reason,
          reason_note: reasonNote,
          closed_at: wanted === 'disqualified' ? now : null,
          status: 'pending',
          revision: eb('revision', '+', 1),
          attempts: 0,
          next_attempt_at: now,
          message: null,
          updated_at: now,
        }))
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .where('closed_at', 'is', null);
      // Accepting an accepted Lead changes nothing; a disqualification may follow an acceptance.
      if (wanted === 'accepted') update = update.where('wanted', '=', 'open');
      const done = await update.executeTakeFirst();
      return done.numUpdatedRows > 0n;
    },

    claimDue(portalId: string, now: number, limit: number, leaseMs: number): Promise<LeadHandoff[]> {
      return ctx.transaction(async (tx) => {
        let due = tx.db
          .selectFrom('leads')
          .select(['contact_id', 'handoff_at'])
          .where('portal_id', '=', portalId)
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .orderBy('handoff_at')
          .orderBy('contact_id')
          .limit(limit);
        if (tx.engine === 'postgres') due = due.forUpdate().skipLocked();
        const keys = await due.execute();
        const claimed: LeadHandoff[] = [];
        for (const k of keys) {
          const row = await tx.db
            .updateTable('leads')
            .set({ next_attempt_at: now + leaseMs })
            .where('portal_id', '=', portalId)
            .where('contact_id', '=', k.contact_id)
            .where('handoff_at', '=', k.handoff_at)
            .returningAll()
            .executeTakeFirstOrThrow();
          claimed.push(toHandoff(row));
        }
        // Older handoffs first, so a contact's old Lead is closed before its new one is created.
        return claimed.sort((a, b) => a.handoffAt - b.handoffAt || a.contactId.localeCompare(b.contactId));
      });
    },

    async markSynced(
      portalId: string,
      row: RowKey & Pick<LeadHandoff, 'revision'>,
      leadId: string,
      hubspotStage: string,
      now: number,
    ): Promise<void> {
      await ctx.transaction(async (tx) => {
        const key = (q: ReturnType<typeof tx.db.updateTable<'leads'>>) =>
          q
            .where('portal_id', '=', portalId)
            .where('contact_id', '=', row.contactId)
            .where('handoff_at', '=', row.handoffAt);
        const done = await key(
          tx.db.updateTable('leads').set({
            lead_id: leadId,
            hubspot_stage: hubspotStage,
            status: 'synced',
            attempts: 0,
            message: null,
            updated_at: now,
          }),
        )
          .where('revision', '=', row.revision)
          .executeTakeFirst();
        if (done.numUpdatedRows === 0n) {
          // Changed since the claim: keep the Lead's id (never create it twice) and send the change now.
          await key(
            tx.db
              .updateTable('leads')
              .set({ lead_id: leadId, hubspot_stage: hubspotStage, next_attempt_at: now, updated_at: now }),
          ).execute();
        }
      });
    },

    async recordLead(
      portalId: string,
      row: RowKey,
      leadId: string,
      hubspotStage: string,
      now: number,
    ): Promise<void> {
      await updateRow(portalId, row)
        .set({ lead_id: leadId, hubspot_stage: hubspotStage, updated_at: now })
        .execute();
    },

    async markRejected(
      portalId: string,
      row: RowKey & Pick<LeadHandoff, 'revision'>,
      message: string,
      now: number,
    ): Promise<void> {
      await updateRow(portalId, row)
        .set({
          status: 'rejected',
          message,
          // A handoff whose Lead HubSpot refused to create holds no open Lead: a later handoff may open one.
          closed_at: sql<
            number | null
          >`case when lead_id is null then coalesce(closed_at, ${now}) else closed_at end`,
          updated_at: now,
        })
        .where('revision', '=', row.revision)
        .execute();
    },

    async retryLater(
      portalId: string,
      rows: readonly RowKey[],
      nextAttemptAt: number,
      message: string,
    ): Promise<void> {
      for (const r of rows) {
        await ctx.db
          .updateTable('leads')
          .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: nextAttemptAt, message }))
          .where('portal_id', '=', portalId)
          .where('contact_id', '=', r.contactId)
          .where('handoff_at', '=', r.handoffAt)
          .where('status', '=', 'pending')
          .execute();
      }
    },

    async recordStage(
      portalId: string,
      leadId: string,
      stage: string,
      at: number,
      flags: { byRep: boolean; converted: boolean; deleted?: boolean },
    ): Promise<LeadHandoff | undefined> {
      const deleted = flags.deleted === true;
      const row = await ctx.db
        .updateTable('leads')
        .set((eb) => ({
          hubspot_stage: stage,
          worked_at: flags.byRep ? sql<number>`coalesce(worked_at, ${at})` : sql<number | null>`worked_at`,
          converted_at: flags.converted
            ? sql<number>`coalesce(converted_at, ${at})`
            : sql<number | null>`converted_at`,
          // A converted Lead is done: leaving sales_ready later must not disqualify it. A deleted one is gone.
          closed_at:
            flags.converted || deleted
              ? sql<number>`coalesce(closed_at, ${at})`
              : sql<number | null>`closed_at`,
          // Nothing is sent to a deleted Lead; a sync that claimed the row before keeps out (the revision moved on).
          ...(deleted
            ? {
                status: sql<string>`case when status = 'pending' then 'synced' else status end`,
                revision: eb('revision', '+', 1),
              }
            : {}),
          updated_at: at,
        }))
        .where('portal_id', '=', portalId)
        .where('lead_id', '=', leadId)
        .returningAll()
        .executeTakeFirst();
      return row ? toHandoff(row) : undefined;
    },

    async disqualifiedInHubSpot(
      portalId: string,
      leadId: string,
      stage: string,
      note: string,
      at: number,
    ): Promise<LeadHandoff | undefined> {
      const row = await ctx.db
        .updateTable('leads')
        .set((eb) => ({
          wanted: 'disqualified',
          reason: REP_IN_HUBSPOT,
          reason_note: note,
          hubspot_stage: stage,
          worked_at: sql<number>`coalesce(worked_at, ${at})`,
          closed_at: at,
          // HubSpot already has it: no move is sent, and a sync that claimed the row before keeps out.
          status: 'synced',
          revision: eb('revision', '+', 1),
          attempts: 0,
          message: null,
          updated_at: at,
        }))
        .where('portal_id', '=', portalId)
        .where('lead_id', '=', leadId)
        .where('closed_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row ? toHandoff(row) : undefined;
    },

    async latest(portalId: string, contactId: string): Promise<LeadHandoff | undefined> {
      const row = await ctx.db
        .selectFrom('leads')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .orderBy('handoff_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toHandoff(row) : undefined;
    },

    /** The contact's open handoff (not disqualified, converted or refused), or undefined. */
    async openFor(portalId: string, contactId: string): Promise<LeadHandoff | undefined> {
      const row = await openRow(portalId, contactId).executeTakeFirst();
      return row ? toHandoff(row) : undefined;
    },

    async byLeadId(portalId: string, leadId: string): Promise<LeadHandoff | undefined> {
      const row = await ctx.db
        .selectFrom('leads')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('lead_id', '=', leadId)
        .executeTakeFirst();
      return row ? toHandoff(row) : undefined;
    },

    async openAmong(portalId: string, contactIds: readonly string[]): Promise<Set<string>> {
      const open = new Set<string>();
      for (let i = 0; i < contactIds.length; i += IN_CHUNK) {
        const rows = await ctx.db
          .selectFrom('leads')
          .select('contact_id')
          .where('portal_id', '=', portalId)
          .where('contact_id', 'in', contactIds.slice(i, i + IN_CHUNK))
          .where('closed_at', 'is', null)
          .execute();
        for (const r of rows) open.add(r.contact_id);
      }
      return open;
    },

    async recordedAmong(portalId: string, handoffs: readonly RowKey[]): Promise<Set<string>> {
      const recorded = new Set<string>();
      for (let i = 0; i < handoffs.length; i += IN_CHUNK) {
        const part = handoffs.slice(i, i + IN_CHUNK);
        const wanted = new Map(part.map((h) => [h.contactId, h.handoffAt]));
        // A contact has a few handoffs at most: its rows are read and matched to the one asked about here.
        const rows = await ctx.db
          .selectFrom('leads')
          .select(['contact_id', 'handoff_at'])
          .where('portal_id', '=', portalId)
          .where('contact_id', 'in', [...wanted.keys()])
          .execute();
        for (const r of rows)
          if (wanted.get(r.contact_id) === Number(r.handoff_at)) recorded.add(r.contact_id);
      }
      return recorded;
    },

    async assignOwner(portalId: string, row: RowKey, ownerId: string | null, now: number): Promise<void> {
      await updateRow(portalId, row).set({ owner_id: ownerId, team_id: null, updated_at: now }).execute();
    },

    async recordContact(
      portalId: string,
      row: RowKey,
      contact: Pick<LeadHandoff, 'name' | 'companyId'>,
      now: number,
    ): Promise<void> {
      await updateRow(portalId, row)
        .set({ name: contact.name, company_id: contact.companyId, updated_at: now })
        .execute();
    },

    async openCountsByOwner(portalId: string, ownerIds: readonly string[]): Promise<Record<string, number>> {
      const counts: Record<string, number> = Object.fromEntries(ownerIds.map((id) => [id, 0]));
      if (ownerIds.length === 0) return counts;
      const rows = await ctx.db
        .selectFrom('leads')
        .select(['owner_id', (eb) => eb.fn.countAll().as('n')])
        .where('portal_id', '=', portalId)
        .where('closed_at', 'is', null)
        .where('owner_id', 'in', [...ownerIds])
        .groupBy('owner_id')
        .execute();
      for (const r of rows) if (r.owner_id !== null) counts[r.owner_id] = Number(r.n);
      return counts;
    },

    async nextDueAt(portalId: string): Promise<number | null> {
      const row = await ctx.db
        .selectFrom('leads')
        .select((eb) => eb.fn.min('next_attempt_at').as('at'))
        .where('portal_id', '=', portalId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row?.at === null || row?.at === undefined ? null : Number(row.at);
    },

    async counts(portalId: string): Promise<Record<LeadSyncStatus, number>> {
      const rows = await ctx.db
        .selectFrom('leads')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .where('portal_id', '=', portalId)
        .groupBy('status')
        .execute();
      const counts: Record<LeadSyncStatus, number> = { pending: 0, synced: 0, rejected: 0 };
      for (const r of rows) counts[statusSchema.parse(r.status)] = Number(r.n);
      return counts;
    },

    async countsBetween(portalId: string, from: number, to: number): Promise<LeadCounts> {
      const inPortal = ctx.db.selectFrom('leads').where('portal_id', '=', portalId);
      const created = await inPortal
        .select((eb) => eb.fn.countAll().as('n'))
        .where('handoff_at', '>=', from)
        .where('handoff_at', '<', to)
        // A handoff HubSpot refused before any Lead existed created nothing.
        .where((eb) => eb.or([eb('lead_id', 'is not', null), eb('status', '!=', 'rejected')]))
        .executeTakeFirstOrThrow();
      const worked = await inPortal
        .select((eb) => eb.fn.countAll().as('n'))
        .where('worked_at', '>=', from)
        .where('worked_at', '<', to)
        .executeTakeFirstOrThrow();
      const converted = await inPortal
        .select((eb) => eb.fn.countAll().as('n'))
        .where('converted_at', '>=', from)
        .where('converted_at', '<', to)
        .executeTakeFirstOrThrow();
      const disqualified = await inPortal
        .select(['reason', (eb) => eb.fn.countAll().as('n')])
        .where('wanted', '=', 'disqualified')
        .where('closed_at', '>=', from)
        .where('closed_at', '<', to)
        .groupBy('reason')
        .execute();
      const disqualifiedByReason: Record<string, number> = {};
      for (const r of disqualified) disqualifiedByReason[r.reason ?? 'unknown'] = Number(r.n);
      return {
        created: Number(created.n),
        worked: Number(worked.n),
        disqualifiedByReason,
        converted: Number(converted.n),
      };
    },
  } satisfies LeadsPort;
}

export type LeadsRepository = ReturnType<typeof leadsRepository>;
