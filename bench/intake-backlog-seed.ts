import example from '../examples/agreement.json';
import { parseWebhookEvents } from '../src/hubspot/webhook-events';
import type { Store } from '../src/store/create-store';
import { applyAgreement } from '../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../src/use-cases/agreements/store-ports';
import {
  enqueueFullImport,
  FULL_IMPORT_FINISHED,
  FULL_IMPORT_JOB,
} from '../src/use-cases/import/full-import';
import { receiveWebhookEvents } from '../src/use-cases/intake/receive-webhook-events';
import { rawEvents } from './webhook-delivery';

/** Events stored per seeding transaction: big enough to seed 100,000 in a few seconds. */
const SEED_CHUNK = 10_000;

/** The event ids of the seeded backlog start here, far above the ids the measured deliveries use. */
export const BACKLOG_FIRST_EVENT_ID = 1_000_000_000;

/** The portal's full import ran long ago: the service does not start one beside the drain. */
async function importedAlready(store: Store, portalId: string, now: number): Promise<void> {
  await enqueueFullImport(store.jobs, portalId, now);
  const job = await store.jobLeases.lease('bench-seed', now, 60_000, [FULL_IMPORT_JOB]);
  if (job) await store.jobLeases.complete(job.id, 'bench-seed', { done: 0 }, now);
  await store.checkpoints.set(portalId, FULL_IMPORT_FINISHED, { at: now, done: 0 }, now);
}

/**
 * A portal that has run for a while (the example agreement active, its contacts imported) with `events`
 * unprocessed conversions in its inbox, stored through the intake use case (which queues its process-inbox job).
 */
export async function seedBacklog(store: Store, portalId: number, events: number): Promise<void> {
  const portal = String(portalId);
  const clock = { now: Date.now };
  const ports = storeAgreementPorts(store.ctx, { userTeams: { teamIdsOf: async () => [] }, clock });
  await applyAgreement(ports, {
    portalId: portal,
    body: example,
    proposedBy: 'marketing@bench',
    approvedBy: 'sales@bench',
  });
  await importedAlready(store, portal, Date.now());
  for (let at = 0; at < events; at += SEED_CHUNK) {
    const count = Math.min(SEED_CHUNK, events - at);
    const occurredAt = Date.now() - 60_000;
    const parsed = [];
    // A body holds at most 1,000 events (webhookBodySchema): parse as that many deliveries, store at once.
    for (let i = 0; i < count; i += 1000) {
      const first = BACKLOG_FIRST_EVENT_ID + at + i;
      parsed.push(
        ...parseWebhookEvents(rawEvents(portalId, first, Math.min(1000, count - i), occurredAt)).events,
      );
    }
    await receiveWebhookEvents(store, parsed, { now: Date.now() });
  }
}
