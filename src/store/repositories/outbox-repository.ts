import { sql } from 'kysely';
import { z } from 'zod';
import { bulkWrite } from '../bulk-write';
import {
  OUTBOX_STATUSES,
  type OutboxEntry,
  type OutboxPort,
  type OutboxStatus,
  type OutboxWrite,
} from '../../use-cases/ports/outbox';
import type { DbContext } from '../db-context';
import type { OutboxTable } from '../db-schema';
import { fromJson, toJson } from '../json-column';
import { UPSERT_CHUNK } from './contacts-repository';

const propertiesSchema = z.record(z.string(), z.string());

function toEntry(r: OutboxTable): OutboxEntry {
  return {
    contactId: r.contact_id,
    properties: fromJson(propertiesSchema, r.properties, 'outbox.properties'),
    status: z.enum(OUTBOX_STATUSES).parse(r.status),
    revision: r.revision,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    message: r.message,
    sentAt: r.sent_at,
  };
}

/** Pending property writes per contact; a new write merges into a pending one, replaces a finished one. */
export function outboxRepository(ctx: DbContext): OutboxPort {
  // One statement per chunk merges atomically on both engines, so concurrent writers never lose a property.
  const merged =
    ctx.engine === 'postgres'
      ? sql<string>`case when outbox.status = 'pending' then (outbox.properties::jsonb || excluded.properties::jsonb)::text else excluded.properties end`
      : sql<string>`case when outbox.status = 'pending' then json_patch(outbox.properties, excluded.properties) else excluded.properties end`;
  return {
    /** Queues writes (only the changed properties), merged per contact. */
    async enqueueMany(portalId: string, writes: readonly OutboxWrite[], now: number): Promise<void> {
      for (let i = 0; i < writes.length; i += UPSERT_CHUNK) {
        const rows = writes.slice(i, i + UPSERT_CHUNK).map((w) => ({
          portal_id: portalId,
          contact_id: w.contactId,
          properties: toJson(w.properties),
          status: 'pending',
          revision: 1,
          attempts: 0,
          next_attempt_at: now,
          message: null,
          created_at: now,
          updated_at: now,
          sent_at: null,
        }));
        await bulkWrite(ctx, 'outbox.enqueue', rows, (chunk) =>
          ctx.db
            .insertInto('outbox')
            .values(chunk)
            .onConflict((oc) =>
              oc.columns(['portal_id', 'contact_id']).doUpdateSet((eb) => ({
                properties: merged,
                attempts: sql`case when outbox.status = 'pending' then outbox.attempts else 0 end`,
                next_attempt_at: sql`case when outbox.status = 'pending' then outbox.next_attempt_at else excluded.next_attempt_at end`,
                revision: sql`outbox.revision + 1`,
                status: eb.ref('excluded.status'),
                message: eb.ref('excluded.message'),
                updated_at: eb.ref('excluded.updated_at'),
              })),
            ),
        );
      }
    },
    /**
     * Takes up to `limit` due pending writes of a portal and hides them from other writers for
     * `leaseMs` (PostgreSQL: rows locked with SKIP LOCKED while claiming).
     */
    claimDue(portalId: string, now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
      return ctx.transaction(async (tx) => {
        let due = tx.db
          .selectFrom('outbox')
          .select('contact_id')
          .where('portal_id', '=', portalId)
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .orderBy('contact_id')
          .limit(limit);
        if (tx.engine === 'postgres') due = due.forUpdate().skipLocked();
        const ids = (await due.execute()).map((r) => r.contact_id);
        if (ids.length === 0) return [];
        const rows = await tx.db
          .updateTable('outbox')
          .set({ next_attempt_at: now + leaseMs })
          .where('portal_id', '=', portalId)
          .where('contact_id', 'in', ids)
          .returningAll()
          .execute();
        return rows.map(toEntry);
      });
    },
    /** Marks claimed writes sent; a contact whose row changed since the claim stays pending and due now. */
    async markSent(portalId: string, sent: readonly { contactId: string; revision: number }[], at: number) {
      await ctx.transaction(async (tx) => {
        for (const s of sent) {
          const done = await tx.db
            .updateTable('outbox')
            .set({ status: 'sent', sent_at: at, message: null, updated_at: at })
            .where('portal_id', '=', portalId)
            .where('contact_id', '=', s.contactId)
            .where('revision', '=', s.revision)
            .executeTakeFirst();
          if (done.numUpdatedRows === 0n) {
            await tx.db
              .updateTable('outbox')
              .set({ next_attempt_at: at })
              .where('portal_id', '=', portalId)
              .where('contact_id', '=', s.contactId)
              .execute();
          }
        }
      });
    },
    /** Records HubSpot's rejection of one contact's write (deleted, merged, invalid value). */
    async markRejected(portalId: string, contactId: string, revision: number, message: string, at: number) {
      await ctx.db
        .updateTable('outbox')
        .set({ status: 'rejected', message, updated_at: at })
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .where('revision', '=', revision)
        .execute();
    },
    /** Puts claimed writes back for a later attempt (429, 5xx, network). */
    async retryLater(
      portalId: string,
      contactIds: readonly string[],
      nextAttemptAt: number,
      message: string,
    ) {
      if (contactIds.length === 0) return;
      await ctx.db
        .updateTable('outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: nextAttemptAt, message }))
        .where('portal_id', '=', portalId)
        .where('contact_id', 'in', contactIds)
        .where('status', '=', 'pending')
        .execute();
    },
    /** One contact's row, or undefined. */
    async get(portalId: string, contactId: string): Promise<OutboxEntry | undefined> {
      const row = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .executeTakeFirst();
      return row ? toEntry(row) : undefined;
    },
    /** Rows of a portal in contact id order, optionally of one status. */
    async list(portalId: string, status?: OutboxStatus, limit = 1000): Promise<OutboxEntry[]> {
      let query = ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('portal_id', '=', portalId)
        .orderBy('contact_id')
        .limit(limit);
      if (status) query = query.where('status', '=', status);
      return (await query.execute()).map(toEntry);
    },
    /** How many rows a portal has per status. */
    async counts(portalId: string): Promise<Record<OutboxStatus, number>> {
      const rows = await ctx.db
        .selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .where('portal_id', '=', portalId)
        .groupBy('status')
        .execute();
      const counts = { pending: 0, sent: 0, rejected: 0 };
      for (const r of rows) counts[z.enum(OUTBOX_STATUSES).parse(r.status)] = Number(r.n);
      return counts;
    },
  };
}
