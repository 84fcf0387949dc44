import type { z } from 'zod';
import { cardResponseSchema, type CardResponse, type recordedVerdictSchema } from '../../contracts/card';
import { isConnected } from '../install/portal-connection';
import { iso } from './agreement-ref';
import { cardLead } from './card-lead';
import type { CardSnapshot } from '../ports/card-snapshot';
import type { CardPorts } from './card-ports';
import { explainCriteria } from './explain-criteria';
import { heldBackOnCard } from './held-back';

/** The rep's latest verdict, as the card shows it (checked by the contract when the card is parsed). */
function latestVerdict(latest: CardSnapshot['verdict']): z.input<typeof recordedVerdictSchema> | null {
  if (!latest) return null;
  return {
    verdict: latest.verdict as 'accepted',
    reason: latest.reason as 'other' | null,
    note: latest.note,
    at: iso(latest.at),
  };
}

const isoOrNull = (epochMs: number | null) => (epochMs === null ? null : iso(epochMs));

/**
 * What the lead quality card shows for one contact of the signed portal: not connected, no agreement yet,
 * not scored yet, or the stored verdict with each criterion, the follow-up deadline, the rep's verdict and the
 * contact's HubSpot Lead (stage, owner, what Lead Pact still has to send).
 * The active version is read with the contact on every call, so a newly approved version shows at once.
 */
export async function loadCard(
  ports: CardPorts,
  input: { portalId: string; objectId: string },
): Promise<CardResponse> {
  const { portalId, objectId } = input;
  const snapshot = await ports.store.cardSnapshots.read(portalId, objectId);
  if (!isConnected(snapshot.installation, portalId === ports.staticPortalId))
    return { state: 'not_connected' };
  const active =
    snapshot.activeVersion === null
      ? undefined
      : await ports.approvedAgreement(portalId, snapshot.activeVersion);
  if (!active) return { state: 'no_agreement' };
  const stored = snapshot.qualification;
  if (!stored) return { state: 'not_scored', objectId, agreement: active.ref };

  const version =
    stored.agreementVersion === active.ref.version
      ? active
      : ((await ports.approvedAgreement(portalId, stored.agreementVersion)) ?? active);
  const { agreement } = version;
  const scoredAt = stored.updatedAt;
  const criteria = explainCriteria(ports, { snapshot, agreement, scoredAt });
  // The contact's HubSpot Lead, when Lead Pact handed it over as one (handoff.createLeads); absent otherwise. It comes
  // with the snapshot: a query of its own cost about a tenth of the card's throughput (bench/card-api-bench.ts).
  const handoff = snapshot.lead;
  const lead = handoff ? { lead: await cardLead(ports.leadLookups ?? {}, portalId, handoff) } : {};
  const heldBack = await heldBackOnCard(ports.store.capacity, { portalId, stored, agreement });
  const disqualifiedBy =
    stored.tier === 'disqualified'
      ? criteria.filter((c) => c.kind === 'disqualify' && c.outcome === 'matched').map((c) => c.label)
      : [];
  // Stored enumerations (tier, stage...) are checked against the contract here, not trusted.
  return cardResponseSchema.parse({
    state: 'scored',
    objectId,
    portalTimezone: agreement.sla.timezone,
    agreement: version.ref,
    tier: stored.tier,
    grade: stored.grade,
    score: stored.score,
    stage: stored.stage,
    route: stored.route,
    tierReason: stored.tierReason,
    ...(heldBack ? { heldBack } : {}),
    criteria,
    disqualifiedBy,
    qualifiedAt: isoOrNull(stored.qualifiedAt),
    followUpDue: isoOrNull(stored.followUpDue),
    slaStatus: stored.slaStatus,
    verdict: latestVerdict(snapshot.verdict),
    scoredAt: iso(scoredAt),
    ...lead,
  });
}
