import { z } from 'zod';
import { CONTACT_EVENT_KINDS, LEAD_EVENT_KINDS, type WebhookEvent } from '../../hubspot/webhook-events';
import type { NewInboxEvent, PendingEvent, WebhookInboxPort } from '../../use-cases/ports/webhook-inbox';
import type { DbContext } from '../db-context';
import { fromJson, toJson } from '../json-column';
import { bulkWrite } from '../bulk-write';

const storedBase = {
  eventId: z.string(),
  portalId: z.number(),
  occurredAt: z.number(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
};
const storedEventSchema: z.ZodType<WebhookEvent> = z.union([
  z.object({
    ...storedBase,
    kind: z.enum(CONTACT_EVENT_KINDS),
    contactId: z.string(),
    mergedIds: z.array(z.string()).optional(),
    companyId: z.string().optional(),
    associationRemoved: z.boolean().optional(),
  }),
  z.object({ ...storedBase, kind: z.literal('company_changed'), companyId: z.string() }),
  z.object({
    eventId: z.string(),
    portalId: z.number(),
    occurredAt: z.number(),
    kind: z.enum(LEAD_EVENT_KINDS),
    leadId: z.string(),
    stage: z.string().optional(),
    reason: z.string().optional(),
    userId: z.string().optional(),
    byThisApp: z.boolean(),
  }),
]);

/** Durable webhook inbox: events are stored (deduplicated by HubSpot's eventId) before the 200. */
export function webhookInboxRepository(ctx: DbContext) {
  return {
    /**
     * Stores events in one transaction; duplicates are ignored. Returns how many were new. The insert's SQL is
     * built once per shape (bulkWrite): building it for every delivery of 100 events was a tenth of the request.
     */
    add(events: readonly NewInboxEvent[], receivedAt: number): Promise<number> {
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
    /** The oldest unprocessed events of one portal, in arrival order (locked until the transaction ends). */
    async pending(portalId: string, limit: number): Promise<PendingEvent[]> {
      let query = ctx.db
        .selectFrom('webhook_inbox')
        .select(['id', 'payload'])
        .where('processed_at', 'is', null)
        .where('portal_id', '=', portalId)
        .orderBy('id')
        .limit(limit);
      // PostgreSQL: two workers processing the same portal take different events instead of the same ones twice.
      if (ctx.engine === 'postgres') query = query.forUpdate().skipLocked();
      const rows = await query.execute();
      return rows.map((r) => ({
        id: Number(r.id),
        event: fromJson(storedEventSchema, r.payload, 'webhook_inbox.payload'),
      }));
    },
    /** Marks events processed. */
    async markProcessed(ids: readonly number[], at: number): Promise<void> {
      if (ids.length === 0) return;
      await ctx.db.updateTable('webhook_inbox').set({ processed_at: at }).where('id', 'in', ids).execute();
    },
    /** Privacy deletion, inbox part: every stored event that names the contact. */
    async forgetContact(portalId: string, contactId: string): Promise<void> {
      await ctx.db
        .deleteFrom('webhook_inbox')
        .where('portal_id', '=', portalId)
        .where((eb) =>
          eb.or([
            eb('payload', 'like', `%"contactId":"${contactId}"%`),
            eb('payload', 'like', `%"mergedIds":[%"${contactId}"%`),
          ]),
        )
        .execute();
    },
  } satisfies WebhookInboxPort;
}

export type WebhookInboxRepository = ReturnType<typeof webhookInboxRepository>;
