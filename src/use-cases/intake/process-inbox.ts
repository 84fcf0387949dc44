import type { Agreement } from '../../domain/agreement-schema';
import { parseAgreement } from '../../domain/parse-agreement';
import type { WebhookEvent } from '../../hubspot/webhook-events';
import type { DbContext } from '../../store/db-context';
import { createRepositories, type Repositories } from '../../store/repositories';
import type { ContactSignal } from '../../store/repositories/signal-history-repository';
import { intakeStore, type IntakeStoreQueries, type PendingEvent } from './intake-store';
import { queueSyncs } from './queue-syncs';

/** Events handled per transaction. */
export const INBOX_BATCH_SIZE = 500;

/** What processing a portal's inbox did. */
export interface ProcessInboxResult {
  processed: number;
  /** Contacts queued for a sync (read, qualify, write back); ones already waiting for one are not counted. */
  queuedForSync: number;
  forgotten: number;
}

/** The properties whose changes feed signal history: what each intent signal reads. */
export function signalProperties(agreement: Agreement | undefined): Set<string> {
  const names = new Set<string>();
  for (const s of agreement?.intent.signals ?? []) {
    names.add(s.when.property);
    if (s.at !== undefined) names.add(s.at);
  }
  return names;
}

/** What one batch collects before writing. */
interface BatchEffects {
  changed: Set<string>;
  signals: Map<string, ContactSignal[]>;
  forgotten: number;
}

async function applyEvent(
  event: WebhookEvent,
  effects: BatchEffects,
  watched: Set<string>,
  io: { portalId: string; repos: Repositories; queries: IntakeStoreQueries },
): Promise<void> {
  const { changed, signals } = effects;
  const drop = (id: string) => {
    changed.delete(id);
    signals.delete(id);
  };
  if (event.kind === 'privacy_deleted') {
    drop(event.contactId);
    await io.repos.contacts.forget(io.portalId, event.contactId);
    await io.queries.forgetEvents(io.portalId, event.contactId);
    effects.forgotten += 1;
  } else if (event.kind === 'deleted') {
    drop(event.contactId);
    await io.queries.removeContact(io.portalId, event.contactId);
  } else if (event.kind === 'merged') {
    for (const id of event.mergedIds ?? []) {
      drop(id);
      await io.queries.removeContact(io.portalId, id);
    }
    changed.add(event.contactId);
  } else {
    changed.add(event.contactId);
    const name = event.propertyName;
    if (event.kind === 'property_changed' && name && watched.has(name) && event.propertyValue) {
      const list = signals.get(event.contactId) ?? [];
      list.push({
        contactId: event.contactId,
        property: name,
        value: event.propertyValue,
        at: event.occurredAt,
      });
      signals.set(event.contactId, list);
    }
  }
}

async function processBatch(ctx: DbContext, portalId: string, watched: Set<string>, now: number) {
  return ctx.transaction(async (tx) => {
    const io = { portalId, repos: createRepositories(tx), queries: intakeStore(tx) };
    const batch: PendingEvent[] = await io.queries.pending(portalId, INBOX_BATCH_SIZE);
    const effects: BatchEffects = { changed: new Set(), signals: new Map(), forgotten: 0 };
    for (const { event } of batch) await applyEvent(event, effects, watched, io);
    await io.repos.signals.addMany(portalId, [...effects.signals.values()].flat());
    const ids = [...effects.changed].sort();
    const queued = batch[0] ? await queueSyncs(io, portalId, ids, batch[0].id, now) : 0;
    await io.repos.inbox.markProcessed(
      batch.map((p) => p.id),
      now,
    );
    return { processed: batch.length, queuedForSync: queued, forgotten: effects.forgotten };
  });
}

/**
 * Works through a portal's pending webhook events in arrival order, one transaction per batch:
 * signal property changes go to the contact's history, deletions and privacy deletions remove
 * what is stored, merges drop the merged-away ids, and changed contacts are queued for a sync in
 * batches of up to 100. Re-running after a crash redoes only the uncommitted batch.
 */
export async function processInbox(
  ctx: DbContext,
  portalId: string,
  options: { now?: () => number; signal?: AbortSignal } = {},
): Promise<ProcessInboxResult> {
  const now = options.now ?? Date.now;
  const active = await createRepositories(ctx).agreements.getActive(portalId);
  const parsed = active ? parseAgreement(active.body) : undefined;
  const watched = signalProperties(parsed?.success ? parsed.data : undefined);
  const total: ProcessInboxResult = { processed: 0, queuedForSync: 0, forgotten: 0 };
  for (;;) {
    options.signal?.throwIfAborted();
    const done = await processBatch(ctx, portalId, watched, now());
    total.processed += done.processed;
    total.queuedForSync += done.queuedForSync;
    total.forgotten += done.forgotten;
    if (done.processed < INBOX_BATCH_SIZE) return total;
  }
}
