import type { ObservedChange } from '../../domain/qualification';
import type { ContactSignal, SignalHistoryPort } from '../../use-cases/ports/signal-history';
import { bulkWrite } from '../bulk-write';
import type { DbContext } from '../db-context';
import { UPSERT_CHUNK } from './contacts-repository';

/** Per-contact history of signal property values seen through webhooks, so repeated conversions add up. */
export function signalHistoryRepository(ctx: DbContext) {
  return {
    /** Records changes; an identical (contact, property, value, time) is kept once. */
    async addMany(portalId: string, signals: readonly ContactSignal[]): Promise<void> {
      const rows = signals.map((s) => ({
        portal_id: portalId,
        contact_id: s.contactId,
        property: s.property,
        value: s.value,
        occurred_at: s.at,
      }));
      await bulkWrite(ctx, 'signal_history.add', rows, (chunk) =>
        ctx.db
          .insertInto('signal_history')
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(['portal_id', 'contact_id', 'property', 'value', 'occurred_at']).doNothing(),
          ),
      );
    },
    /** The history of several contacts, oldest first, keyed by contact id (contacts with none are absent). */
    async forContacts(
      portalId: string,
      contactIds: readonly string[],
    ): Promise<Map<string, ObservedChange[]>> {
      const byContact = new Map<string, ObservedChange[]>();
      for (let i = 0; i < contactIds.length; i += UPSERT_CHUNK) {
        const rows = await ctx.db
          .selectFrom('signal_history')
          .select(['contact_id', 'property', 'value', 'occurred_at'])
          .where('portal_id', '=', portalId)
          .where('contact_id', 'in', contactIds.slice(i, i + UPSERT_CHUNK))
          .orderBy('occurred_at')
          .execute();
        for (const r of rows) {
          const list = byContact.get(r.contact_id) ?? [];
          list.push({ property: r.property, value: r.value, at: r.occurred_at });
          byContact.set(r.contact_id, list);
        }
      }
      return byContact;
    },
  } satisfies SignalHistoryPort;
}

export type SignalHistoryRepository = ReturnType<typeof signalHistoryRepository>;
