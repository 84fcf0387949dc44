import type { z } from 'zod';
import type { cardLeadSchema } from '../../contracts/card';
import { LEAD_DELETED_STAGE } from '../../domain/lead-stages';
import type { LeadHandoff } from '../ports/leads';
import type { Names } from '../names/cached-names';
import { iso } from './agreement-ref';

/**
 * HubSpot's default lead pipeline stages and the names HubSpot gives them. The ids cannot be renamed, the labels
 * can; ids and labels as read from real portals' `GET /crm/pipelines/2026-03/leads` (helper A's facts,
 * docs/hubspot-leads-facts.md §3: observed, not in a HubSpot page; the stage names New, Attempting, Connected,
 * Qualified, Disqualified also in https://www.blendb2b.com/blog/hubspot-lead-object-explained). A stage whose
 * label is still one of these names is said in the rep's language by the card; a renamed or added stage keeps the
 * portal's own label.
 */
export const DEFAULT_LEAD_STAGE_NAMES: Readonly<Record<string, readonly string[]>> = {
  'new-stage-id': ['New'],
  'attempting-stage-id': ['Attempting', 'Attempting to contact'],
  'connected-stage-id': ['Connected'],
  'qualified-stage-id': ['Qualified'],
  'unqualified-stage-id': ['Disqualified', 'Unqualified'],
};

/** The label the card sends for a stage: the portal's, unless it is a default stage under a default name. */
export function stageLabel(stageId: string, portalLabel: string | undefined): string | null {
  if (portalLabel === undefined) return null;
  const defaults = DEFAULT_LEAD_STAGE_NAMES[stageId];
  const isDefaultName = defaults?.some((name) => name.toLowerCase() === portalLabel.trim().toLowerCase());
  return isDefaultName ? null : portalLabel;
}

/** What Lead Pact has yet to send to HubSpot about the handoff's Lead (null when nothing, or refused for good). */
export function pendingOf(handoff: LeadHandoff): 'create' | 'accept' | 'disqualify' | null {
  if (handoff.status !== 'pending') return null;
  if (handoff.wanted === 'disqualified') return 'disqualify';
  if (handoff.leadId === null) return 'create';
  return handoff.wanted === 'accepted' ? 'accept' : null;
}

/** What the card's Lead section reads besides the handoff: names HubSpot keeps (each optional). */
export interface CardLeadLookups {
  /** Owner names by id (src/use-cases/names/owner-names.ts); without it the card shows no name. */
  ownerNames?: (portalId: string, ids: readonly string[]) => Promise<Names>;
  /** The portal's lead pipeline stage labels by stage id; without it default stages keep the card's words. */
  leadStageLabels?: (portalId: string) => Promise<ReadonlyMap<string, string>>;
}

/**
 * The contact's latest handoff as the card's Lead section shows it: its stage (with the portal's label when the
 * stage is its own) or that it was deleted in HubSpot, its owner's name, what Lead Pact still has to send, what HubSpot refused, and why Lead Pact
 * disqualified it. A lookup that fails leaves that one detail out: the card never fails for a name.
 */
export async function cardLead(
  lookups: CardLeadLookups,
  portalId: string,
  handoff: LeadHandoff,
): Promise<z.input<typeof cardLeadSchema>> {
  const deleted = handoff.hubspotStage === LEAD_DELETED_STAGE;
  const [ownerName, stage] = await Promise.all([
    handoff.ownerId === null || !lookups.ownerNames
      ? null
      : lookups
          .ownerNames(portalId, [handoff.ownerId])
          .then(({ names }) => names.get(handoff.ownerId as string) ?? null)
          .catch(() => null),
    handoff.hubspotStage === null || deleted ? null : labelledStage(lookups, portalId, handoff.hubspotStage),
  ]);
  return {
    leadId: handoff.leadId,
    name: handoff.name,
    wanted: handoff.wanted,
    stage,
    deleted,
    owner: handoff.ownerId === null ? null : { id: handoff.ownerId, name: ownerName },
    pending: pendingOf(handoff),
    failed: handoff.status === 'rejected' ? (handoff.message ?? '') : null,
    disqualification:
      handoff.wanted === 'disqualified' && handoff.reason !== null
        ? { reason: handoff.reason, note: handoff.reasonNote }
        : null,
    handedOverAt: iso(handoff.handoffAt),
  };
}

async function labelledStage(lookups: CardLeadLookups, portalId: string, stageId: string) {
  const labels = lookups.leadStageLabels
    ? await lookups.leadStageLabels(portalId).catch(() => undefined)
    : undefined;
  return { id: stageId, label: stageLabel(stageId, labels?.get(stageId)) };
}
