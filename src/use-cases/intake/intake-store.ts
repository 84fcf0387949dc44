import { z } from 'zod';
import { CONTACT_EVENT_KINDS, type WebhookEvent } from '../../hubspot/webhook-events';
import type { DbContext } from '../../store/db-context';
import { fromJson } from '../../store/json-column';

/** A pending inbox row with the event it holds. */
export interface PendingEvent {
  id: number;
  event: WebhookEvent;
}

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
]);

/** A queued job as `waitingJobs` returns it. */
export interface WaitingJob {
  id: number;
  payload: unknown;
}

/** Inbox, job and contact clean-up queries intake needs beyond the store's repositories. */
export function intakeStore(ctx: DbContext) {
  const waitingPayloads = async (portalId: string, type: string) => {
    let query = ctx.db
      .selectFrom('jobs')
      .select(['id', 'payload'])
      .where('type', '=', type)
      .where('portal_id', '=', portalId)
      .where('status', '=', 'queued')
      .orderBy('id');
    if (ctx.engine === 'postgres') query = query.forUpdate();
    const rows = await query.execute();
    return rows.map((r) => ({ id: Number(r.id), payload: r.payload }));
  };
  return {
    /**
     * The portal's queued jobs of `type`, oldest first. On PostgreSQL they stay locked until the caller's
     * transaction ends: workers lease with SKIP LOCKED, so none of them can start (and miss the rows this
     * transaction is adding) before those rows are committed. A job being leased meanwhile is waited for and
     * then no longer counts as queued. SQLite has one writer at a time, so the race cannot happen there.
     */
    async waitingJobs(portalId: string, type: string): Promise<WaitingJob[]> {
      const rows = await waitingPayloads(portalId, type);
      return rows.map((r) => ({ id: r.id, payload: fromJson(z.unknown(), r.payload, 'jobs.payload') }));
    },
    /** `waitingJobs` with each payload as stored (JSON text), for callers that remember what they parsed. */
    waitingPayloads,
    /** Replaces the payload of a job that is still queued (and locked by `waitingJobs`); false when it is not. */
    async setQueuedPayload(id: number, payload: string, now: number): Promise<boolean> {
      const result = await ctx.db
        .updateTable('jobs')
        .set({ payload, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
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
    /** Deletion: the snapshot goes, and so do writes not sent yet (HubSpot would reject them). */
    async removeContact(portalId: string, contactId: string): Promise<void> {
      await ctx.db
        .deleteFrom('contacts')
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .execute();
      await ctx.db
        .deleteFrom('outbox')
        .where('portal_id', '=', portalId)
        .where('contact_id', '=', contactId)
        .where('status', '=', 'pending')
        .execute();
    },
    /** Privacy deletion, inbox part: every stored event that names the contact. */
    async forgetEvents(portalId: string, contactId: string): Promise<void> {
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
  };
}

export type IntakeStoreQueries = ReturnType<typeof intakeStore>;
