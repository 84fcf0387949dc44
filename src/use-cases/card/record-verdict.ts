import type { VerdictRequest, VerdictResponse } from '../../contracts/card';
import { tierSchema } from '../../contracts/values';
import { AppError } from '../../domain/app-error';
import { createsLeads, handOverLeads, type LeadChange } from '../leads/hand-over-leads';
import type { RequestKey } from '../ports/request-receipts';
import type { OutboxPort } from '../ports/outbox';
import type { QualificationsPort } from '../ports/qualifications';
import type { StoredVerdict, VerdictsPort } from '../ports/verdicts';
import { enqueueWriteBackAfterWrites, type WriteBackQueue } from '../write-back/enqueue-write-back';
import type { CardPorts, VerdictStore } from './card-ports';

/** The contact properties a verdict writes (DESIGN.md section 4); an acceptance clears a former reject reason. */
export function verdictProperties(request: VerdictRequest, tier: string): Record<string, string> {
  const properties: Record<string, string> = {
    lead_pact_verdict: request.verdict,
    lead_pact_reject_reason: request.reason ?? '',
  };
  if (request.verdict === 'rejected') properties.lead_pact_tier = tier;
  return properties;
}

/**
 * With `handoff.createLeads` in the agreement in force, the verdict moves the contact's open HubSpot Lead: accepted,
 * it moves on (to the pipeline's attempting stage); rejected, it is disqualified with the reason `rejected` and the
 * rep's words. The lead-sync job sends it to HubSpot (the leads table is the Leads outbox). A contact with no open
 * Lead, or Leads off, changes nothing.
 */
async function moveLead(tx: VerdictStore, portalId: string, request: VerdictRequest, now: number) {
  const active = await tx.agreements.active(portalId);
  if (!active || !createsLeads(active.body)) return;
  const contactId = request.objectId;
  const change: LeadChange =
    request.verdict === 'accepted'
      ? { kind: 'accepted', contactId }
      : { kind: 'left', contactId, reason: 'rejected', note: request.note ?? null };
  // Also queues the lead-sync job that sends the move to HubSpot.
  await handOverLeads(tx, portalId, active.body, [change], now);
}

/** What writing a verdict changes, inside the caller's transaction. */
export interface VerdictWrites extends WriteBackQueue {
  qualifications: Pick<QualificationsPort, 'updateSla' | 'recordInHistory'>;
  verdicts: Pick<VerdictsPort, 'add'>;
  outbox: Pick<OutboxPort, 'enqueueMany'>;
}

/**
 * Writes a rep's verdict on a scored lead inside the caller's transaction: the verdict is stored (at `at`), a
 * rejection recycles the lead (tier `recycled`, `recycled_at` then, a history row), and the properties go to the
 * outbox with a write-back job. Resolves with the contact's tier. Its HubSpot Lead is the caller's to move.
 */
export async function writeVerdict(
  tx: VerdictWrites,
  portalId: string,
  input: { userId: string; request: VerdictRequest; currentTier: string; at: number; now: number },
): Promise<string> {
  const { userId, request, at, now } = input;
  const contactId = request.objectId;
  await tx.verdicts.add(portalId, {
    contactId,
    userId,
    verdict: request.verdict,
    reason: request.reason ?? null,
    note: request.note ?? null,
    at,
  });
  const tier = request.verdict === 'rejected' ? 'recycled' : input.currentTier;
  if (request.verdict === 'rejected') {
    await tx.qualifications.updateSla(
      portalId,
      contactId,
      { tier, tierReason: 'recycled', recycledAt: at },
      now,
    );
    await tx.qualifications.recordInHistory(portalId, contactId, at, 'rejected');
  }
  await tx.outbox.enqueueMany(portalId, [{ contactId, properties: verdictProperties(request, tier) }], now);
  // Without a queued write-back, HubSpot workflows would not see the verdict until some other write.
  await enqueueWriteBackAfterWrites(tx, portalId, now);
  return tier;
}

const sameVerdict = (latest: StoredVerdict | undefined, request: VerdictRequest) =>
  latest !== undefined &&
  latest.verdict === request.verdict &&
  latest.reason === (request.reason ?? null) &&
  latest.note === (request.note ?? null);

/**
 * A rep accepts or rejects a scored lead of the signed portal: the verdict is stored, a rejection recycles the
 * lead (tier `recycled`, `recycled_at` now, a history row), its HubSpot Lead (if any) moves on or is disqualified,
 * and the properties go to the outbox with a write-back job, all in one transaction. The same verdict twice changes nothing, and a request retried by hubspot.fetch
 * (same `requestKey`) is applied once: its receipt commits with the verdict.
 */
export async function recordVerdict(
  ports: { store: VerdictStore; clock: CardPorts['clock'] },
  input: { portalId: string; userId: string; request: VerdictRequest; requestKey?: RequestKey },
): Promise<VerdictResponse> {
  const { portalId, userId, request, requestKey } = input;
  const contactId = request.objectId;
  const now = ports.clock.now();
  return ports.store.transaction(async (tx) => {
    const first = requestKey === undefined || (await tx.receipts.claim(requestKey, now));
    // Locked, so a double click's second request waits and then finds the same verdict already stored.
    const current = await tx.qualifications.get(portalId, contactId, { lock: true });
    if (!current)
      throw new AppError('not_found', `Contact ${contactId} has not been scored by Lead Pact yet.`);
    const [latest] = await tx.verdicts.forContact(portalId, contactId);
    if (!first || sameVerdict(latest, request))
      return { objectId: contactId, verdict: request.verdict, tier: tierSchema.parse(current.tier) };

    const tier = await writeVerdict(tx, portalId, {
      userId,
      request,
      currentTier: current.tier,
      at: now,
      now,
    });
    await moveLead(tx, portalId, request, now);
    return { objectId: contactId, verdict: request.verdict, tier: tierSchema.parse(tier) };
  });
}
