import type { CardResponse } from '../../contracts/card';
import { writtenProperties } from '../rescore/written-properties';
import { agreementRef, storedAgreement } from './agreement-ref';
import { SYNC_CONTACTS_JOB } from '../intake/intake-jobs';
import { enqueueWriteBackAfterWrites } from '../write-back/enqueue-write-back';
import type { CardPorts } from './card-ports';
import { loadCard } from './load-card';
import { qualifyNow } from './qualify-now';

/** What "score now" did: scored from the stored snapshot, or asked the sync to fetch the contact first. */
export interface ScoreNowResult {
  outcome: 'scored' | 'queued';
  card: CardResponse;
}

/** Only the properties whose value differs from what was written last time. */
function changed(
  before: Record<string, string> | null,
  after: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => before?.[key] !== value));
}

/**
 * A rep asks to score a contact now. With a stored snapshot, it is qualified under the active agreement, stored,
 * and its changed properties go to the outbox with a write-back job; without one, a sync job is queued to fetch it from HubSpot.
 */
export async function scoreNow(
  ports: CardPorts,
  input: { portalId: string; objectId: string },
): Promise<ScoreNowResult> {
  const { portalId, objectId } = input;
  const { store } = ports;
  const active = (await ports.connected(portalId)) ? await store.agreements.getActive(portalId) : undefined;
  if (!active) return { outcome: 'scored', card: await loadCard(ports, input) };
  const contact = await store.contacts.get(portalId, objectId);
  const now = ports.clock.now();
  if (!contact) {
    const job = { type: SYNC_CONTACTS_JOB, portalId, payload: { portalId, contactIds: [objectId] } };
    await store.jobs.enqueue({ ...job, idempotencyKey: `sync:${portalId}:${objectId}:${now}` }, now);
    return { outcome: 'queued', card: { state: 'not_scored', objectId, agreement: agreementRef(active) } };
  }
  const { agreement } = (await ports.approvedAgreement(portalId, active.version)) ?? {
    agreement: storedAgreement(active),
  };
  const locale = await ports.locale(portalId);
  await store.transaction(async (tx, ctx) => {
    const current = await tx.qualifications.get(portalId, objectId);
    const history = (await tx.signals.forContacts(portalId, [objectId])).get(objectId) ?? [];
    const q = ports.engine.qualify(contact, agreement, now, {
      history,
      recycledAt: current?.recycledAt ?? null,
    });
    const base = { portalId, contactId: objectId, version: active.version, agreement, locale, now };
    const next = await qualifyNow(tx, ports.engine, { ...base, q, current });
    const properties = changed(current ? writtenProperties(current) : null, writtenProperties(next));
    await tx.qualifications.upsertMany(portalId, [next], now);
    if (Object.keys(properties).length === 0) return;
    await tx.outbox.enqueueMany(portalId, [{ contactId: objectId, properties }], now);
    // Queued with the outbox rows, so HubSpot workflows see the new verdict without waiting for another write.
    await enqueueWriteBackAfterWrites(ctx, portalId, now);
  });
  return { outcome: 'scored', card: await loadCard(ports, input) };
}
