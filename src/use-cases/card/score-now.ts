import type { CardResponse } from '../../contracts/card';
import type { StoredQualification } from '../ports/qualifications';
import type { RequestKey } from '../ports/request-receipts';
import { isConnected } from '../install/portal-connection';
import { writtenProperties } from '../rescore/written-properties';
import { handOverLeads, type LeadChange } from '../leads/hand-over-leads';
import { enqueueWriteBackAfterWrites } from '../write-back/enqueue-write-back';
import { agreementRef } from './agreement-ref';
import type { CardPorts } from './card-ports';
import { loadCard } from './load-card';
import { qualifyNow } from './qualify-now';
import { queueContactSync } from './queue-contact-sync';

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

/** A new handoff opens the contact's HubSpot Lead; leaving sales-ready (a rule, or no longer its grade) closes it. */
function leadChange(before: StoredQualification | undefined, after: StoredQualification): LeadChange[] {
  const was = before?.tier === 'sales_ready';
  if (!was && after.tier === 'sales_ready') return [{ kind: 'handed_over', qualification: after }];
  if (was && after.tier !== 'sales_ready') {
    const reason = after.tier === 'disqualified' ? 'disqualified' : 'nurture';
    return [{ kind: 'left', contactId: after.contactId, reason, note: after.reasons }];
  }
  return [];
}

/** History keeps verdicts (tier, grade, stage, route), as the rescore and the sync do, not every drift of score. */
const verdictChanged = (before: StoredQualification | undefined, after: StoredQualification) =>
  !before ||
  before.tier !== after.tier ||
  before.grade !== after.grade ||
  before.stage !== after.stage ||
  before.route !== after.route;

/**
 * A rep asks to score a contact now. With a stored snapshot, it is qualified under the active agreement and stored,
 * a changed verdict gets a history row, and its changed properties go to the outbox with a write-back job; without
 * a snapshot, a sync job is queued to fetch it from HubSpot. Asked twice (a retry of the same request, or a second
 * click), it queues one sync, adds one history row and one write-back: the contact is locked while it is scored, and
 * a second scoring finds nothing changed.
 */
export async function scoreNow(
  ports: CardPorts,
  input: { portalId: string; objectId: string; requestKey?: RequestKey },
): Promise<ScoreNowResult> {
  const { portalId, objectId, requestKey } = input;
  const { store } = ports;
  const installation = await store.installations.state(portalId);
  const connected = isConnected(installation, portalId === ports.staticPortalId);
  const active = connected ? await store.agreements.active(portalId) : null;
  if (!active) return { outcome: 'scored', card: await loadCard(ports, input) };
  const contact = await store.contacts.get(portalId, objectId);
  const now = ports.clock.now();
  if (!contact) {
    await queueContactSync(store, { portalId, contactId: objectId, requestKey, now });
    return { outcome: 'queued', card: { state: 'not_scored', objectId, agreement: agreementRef(active) } };
  }
  const { agreement } = (await ports.approvedAgreement(portalId, active.version)) ?? {
    agreement: active.body,
  };
  const locale = installation?.locale ?? 'en';
  await store.transaction(async (tx) => {
    if (requestKey && !(await tx.receipts.claim(requestKey, now))) return;
    await tx.contactLocks.lock(portalId, objectId);
    // The row lock also waits for a verdict being recorded on the contact, so its recycle is read, not overwritten.
    const current = await tx.qualifications.get(portalId, objectId, { lock: true });
    const history = (await tx.signals.forContacts(portalId, [objectId])).get(objectId) ?? [];
    const q = ports.engine.qualify(contact, agreement, now, {
      history,
      recycledAt: current?.recycledAt ?? null,
    });
    const base = { portalId, contactId: objectId, version: active.version, agreement, locale, now };
    const next = await qualifyNow(tx, ports.engine, { ...base, q, current });
    const properties = changed(current ? writtenProperties(current) : null, writtenProperties(next));
    await tx.qualifications.upsertMany(portalId, [next], now);
    if (verdictChanged(current, next)) await tx.qualifications.appendHistory(portalId, [next], now);
    await handOverLeads(tx, portalId, agreement, leadChange(current, next), now);
    if (Object.keys(properties).length === 0) return;
    await tx.outbox.enqueueMany(portalId, [{ contactId: objectId, properties }], now);
    // Queued with the outbox rows, so HubSpot workflows see the new verdict without waiting for another write.
    await enqueueWriteBackAfterWrites(tx, portalId, now);
  });
  return { outcome: 'scored', card: await loadCard(ports, input) };
}
