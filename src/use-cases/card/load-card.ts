import type { z } from 'zod';
import { cardResponseSchema, type CardResponse, type recordedVerdictSchema } from '../../contracts/card';
import type { StoredVerdict } from '../../store/repositories/verdicts-repository';
import { agreementRef, iso, storedAgreement } from './agreement-ref';
import type { CardPorts } from './card-ports';
import { explainCriteria } from './explain-criteria';

/** The rep's latest verdict, as the card shows it (checked by the contract when the card is parsed). */
function latestVerdict(verdicts: StoredVerdict[]): z.input<typeof recordedVerdictSchema> | null {
  const [latest] = verdicts;
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
 * not scored yet, or the stored verdict with each criterion, the follow-up deadline and the rep's verdict.
 */
export async function loadCard(
  ports: CardPorts,
  input: { portalId: string; objectId: string },
): Promise<CardResponse> {
  const { portalId, objectId } = input;
  const { store } = ports;
  if (!(await ports.connected(portalId))) return { state: 'not_connected' };
  const active = await store.agreements.getActive(portalId);
  if (!active) return { state: 'no_agreement' };
  const stored = await store.qualifications.get(portalId, objectId);
  if (!stored) return { state: 'not_scored', objectId, agreement: agreementRef(active) };

  const version =
    stored.agreementVersion === active.version
      ? active
      : ((await store.agreements.get(portalId, stored.agreementVersion)) ?? active);
  const agreement = storedAgreement(version);
  const scoredAt = (await ports.scoredAt(portalId, objectId)) ?? ports.clock.now();
  const criteria = await explainCriteria(ports, { portalId, stored, agreement, scoredAt });
  const verdicts = await store.verdicts.forContact(portalId, objectId);
  const disqualifiedBy =
    stored.tier === 'disqualified'
      ? criteria.filter((c) => c.kind === 'disqualify' && c.outcome === 'matched').map((c) => c.label)
      : [];
  // Stored enumerations (tier, stage...) are checked against the contract here, not trusted.
  return cardResponseSchema.parse({
    state: 'scored',
    objectId,
    portalTimezone: agreement.sla.timezone,
    agreement: agreementRef(version),
    tier: stored.tier,
    grade: stored.grade,
    score: stored.score,
    stage: stored.stage,
    route: stored.route,
    tierReason: stored.tierReason,
    criteria,
    disqualifiedBy,
    qualifiedAt: isoOrNull(stored.qualifiedAt),
    followUpDue: isoOrNull(stored.followUpDue),
    slaStatus: stored.slaStatus,
    verdict: latestVerdict(verdicts),
    scoredAt: iso(scoredAt),
  });
}
