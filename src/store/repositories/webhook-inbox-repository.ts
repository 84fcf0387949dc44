import { z } from 'zod';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';
import { bulkWrite } from '../bulk-write';

/** A webhook event as received. */
export interface InboxEvent {
  portalId: string;
  eventId: string;
  payload: unknown;
}

/** A stored event waiting to be processed. */
export interface StoredInboxEvent extends InboxEvent {
  id: number;
  receivedAt: number;
  attempts: number;
}

/** Durable webhook inbox: events are stored (deduplicated by HubSpot's eventId) before the 200. */
export function webhookInboxRepository(ctx: DbContext) {
  return {
    /**
     * Stores events in one transaction; duplicates are ignored. Returns how many were new. The insert's SQL is
     * built once per shape (bulkWrite): building it for every delivery of 100 events was a tenth of the request.
     */
    add(events: readonly InboxEvent[], receivedAt: number): Promise<number> {
      const rows = events.map((e) => ({
        portal_id: e.portalId,
        event_id: e.eventId,
        payload: toJson(e.payload),
        received_at: receivedAt,
        attempts: 0,
      }));
      return ctx.transaction((tx) =>
        bulkWrite(tx, 'webhook_inbox.add', rows, (chunk) =>
          tx.db
            .insertInto('webhook_inbox')
            .values(chunk)
            .onConflict((oc) => oc.columns(['portal_id', 'event_id']).doNothing()),
        ),
      );
    },
    /** The oldest unprocessed events. */
    async unprocessed(limit: number): Promise<StoredInboxEvent[]> {
      const rows = await ctx.db
        .selectFrom('webhook_inbox')
        .selectAll()
        .where('processed_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        portalId: r.portal_id,
        eventId: r.event_id,
        payload: fromJson(z.unknown(), r.payload, 'webhook_inbox.payload'),
        receivedAt: r.received_at,
        attempts: r.attempts,
      }));
    },
    /** Marks events processed. */
    async markProcessed(ids: readonly number[], at: number): Promise<void> {
      if (ids.length === 0) return;
      await ctx.db.updateTable('webhook_inbox').set({ processed_at: at }).where('id', 'in', ids).execute();
    },
    /** Records a failed processing attempt; the event stays unprocessed. */
    async markFailed(id: number, error: string): Promise<void> {
      await ctx.db
        .updateTable('webhook_inbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error }))
        .where('id', '=', id)
        .execute();
    },
    /** How many events wait to be processed. */
    async backlog(): Promise<number> {
      const row = await ctx.db
        .selectFrom('webhook_inbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('processed_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type WebhookInboxRepository = ReturnType<typeof webhookInboxRepository>;
