import { LEAD_DELETED_STAGE, leadStageChange } from '../../domain/lead-stages';
import type { LeadEvent } from '../../hubspot/webhook-events';
import type { LeadsPort } from '../ports/leads';

/**
 * Records what a lead webhook says on the handoff whose Lead it is: its new stage (a rep's first move on is the first
 * touch; the qualified stage is a conversion), or that it was deleted in HubSpot. False when the Lead is not one
 * Lead Pact handed over (a rep's own Lead, or one whose creation Lead Pact has not recorded yet): nothing is written.
 */
export async function applyLeadEvent(
  event: LeadEvent,
  io: { portalId: string; tx: { leads: Pick<LeadsPort, 'recordStage'> } },
): Promise<boolean> {
  const deleted = event.kind === 'lead_deleted';
  const stage = deleted ? LEAD_DELETED_STAGE : (event.stage ?? '');
  const flags = deleted ? { byRep: false, converted: false } : leadStageChange(stage, event.byThisApp);
  const handoff = await io.tx.leads.recordStage(io.portalId, event.leadId, stage, event.occurredAt, flags);
  return handoff !== undefined;
}
