import { setImmediate as nextTurnOfTheEventLoop } from 'node:timers/promises';
import type { Agreement } from '../../domain/agreement-schema';
import { propertiesRead } from '../../domain/properties-read';
import { applyEvent, type BatchEffects, type Watched } from './apply-inbox-event';
import { leadReasonsOf } from './apply-lead-event';
import type { ProcessInboxStore } from './intake-ports';
import { queueCompanyFanOuts } from './queue-company-fan-outs';
import { queueSyncs } from './queue-syncs';
import { noWaitingSyncs, type WaitingSyncs } from './waiting-syncs';

/**
 * Events handled per transaction. better-sqlite3 is synchronous: a batch holds the process's event loop, and the
 * web requests served by the same process (`serve --role all`), for as long as it runs. 100 events take 2-3 ms on
 * SQLite; batches of 500 took 25 ms each, and drained back to back they held webhook deliveries for seconds
 * (bench/webhook-backlog-scenario.ts). 200 saved no measurable CPU per event.
 */
export const INBOX_BATCH_SIZE = 100;

/** What processing a portal's inbox did. */
export interface ProcessInboxResult {
  processed: number;
  /** Contacts queued for a sync (read, qualify, write back); ones already waiting for one are not counted. */
  queuedForSync: number;
  /** Changed companies queued for a walk through their contacts (each then queued for a sync). */
  companiesQueued: number;
  forgotten: number;
  /** Lead webhooks recorded on the handoff of their Lead. */
  leadEvents: number;
  /** Lead webhooks about a Lead Lead Pact did not hand over: ignored. */
  unknownLeads: number;
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

/** What every batch of one run shares: the agreement's watched properties, the waiting syncs parsed so far. */
interface RunState {
  watched: Watched;
  waiting: WaitingSyncs;
}

async function processBatch(store: ProcessInboxStore, portalId: string, run: RunState, now: number) {
  return store.transaction(async (tx) => {
    const batch = await tx.inbox.pending(portalId, INBOX_BATCH_SIZE);
    const effects: BatchEffects = {
      changed: new Set(),
      signals: new Map(),
      companies: new Set(),
      forgotten: 0,
      leadEvents: 0,
      unknownLeads: 0,
      leadReasons: leadReasonsOf(batch.map((p) => p.event)),
    };
    for (const { event } of batch) await applyEvent(event, effects, run.watched, { portalId, tx, now });
    await tx.signals.addMany(portalId, [...effects.signals.values()].flat());
    const ids = [...effects.changed].sort();
    const key = batch[0]?.id ?? 0;
    const queued = batch[0] ? await queueSyncs(tx, portalId, ids, key, now, run.waiting) : 0;
    const companies = [...effects.companies].sort();
    const companiesQueued = await queueCompanyFanOuts(tx, portalId, companies, key, now);
    await tx.inbox.markProcessed(
      batch.map((p) => p.id),
      now,
    );
    const { forgotten, leadEvents, unknownLeads } = effects;
    return {
      processed: batch.length,
      queuedForSync: queued,
      companiesQueued,
      forgotten,
      leadEvents,
      unknownLeads,
    };
  });
}

/**
 * Works through a portal's pending webhook events in arrival order, one transaction per batch:
 * signal property changes go to the contact's history, deletions and privacy deletions remove
 * what is stored, merges drop the merged-away ids, and changed contacts (a restore or a new
 * company association included) are queued for a sync in batches of up to 100. A change of a
 * company property the agreement reads queues the company for a walk through its contacts. A lead webhook records
 * the stage of a Lead Lead Pact handed over (one it did not is ignored and counted); a rep's move to the disqualified
 * stage closes the handoff and recycles the contact like a rejection on the card, a deletion closes the handoff.
 * Re-running after a crash redoes only the uncommitted batch.
 */
export async function processInbox(
  store: ProcessInboxStore,
  portalId: string,
  options: { now?: () => number; signal?: AbortSignal } = {},
): Promise<ProcessInboxResult> {
  const now = options.now ?? Date.now;
  const agreement = (await store.agreements.active(portalId))?.body;
  const watched: Watched = {
    signals: signalProperties(agreement),
    company: agreement ? new Set(propertiesRead(agreement).company) : undefined,
  };
  const run: RunState = { watched, waiting: noWaitingSyncs() };
  const total: ProcessInboxResult = {
    processed: 0,
    queuedForSync: 0,
    companiesQueued: 0,
    forgotten: 0,
    leadEvents: 0,
    unknownLeads: 0,
  };
  for (;;) {
    options.signal?.throwIfAborted();
    const done = await processBatch(store, portalId, run, now());
    total.processed += done.processed;
    total.queuedForSync += done.queuedForSync;
    total.companiesQueued += done.companiesQueued;
    total.forgotten += done.forgotten;
    total.leadEvents += done.leadEvents;
    total.unknownLeads += done.unknownLeads;
    if (done.processed < INBOX_BATCH_SIZE) return total;
    // Lets the requests that arrived meanwhile in before the next batch: on SQLite every query of a batch resolves
    // at once, so without this turn a 100,000-event drain never reached the event loop's I/O and held them for
    // seconds.
    await nextTurnOfTheEventLoop();
  }
}
