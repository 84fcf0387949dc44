import {
  disqualifiedInHubSpotNote,
  LEAD_DELETED_STAGE,
  leadStageChange,
  leadStageKind,
} from '../../domain/lead-stages';
import type { LeadEvent, WebhookEvent } from '../../hubspot/webhook-events';
import { writeVerdict } from '../card/record-verdict';
import type { InboxBatchWrites } from './intake-ports';

/** The verdict's author when HubSpot's event names no user (a workflow, another app). */
const SOMEONE_IN_HUBSPOT = 'hubspot';

/** What applying a lead webhook needs: the batch's transaction, its clock, the reasons its events carry. */
export interface LeadEventIo {
  portalId: string;
  tx: InboxBatchWrites;
  /** When the batch is processed (the outbox rows and the write-back job of a recorded rejection). */
  now: number;
  /**
   * HubSpot's disqualification reason per Lead, from the reason changes of the same batch (HubSpot sends one event
   * per changed property, the reason beside the stage): the note of a rep's disqualification.
   */
  reasons: ReadonlyMap<string, string>;
}

/** The disqualification reasons the batch's events set on Leads, by Lead id (a rep's, not Lead Pact's own). */
export function leadReasonsOf(events: readonly WebhookEvent[]): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const event of events)
    if (event.kind === 'lead_reason_changed' && !event.byThisApp && event.reason)
      reasons.set(event.leadId, event.reason);
  return reasons;
}

/**
 * A rep (anyone but Lead Pact) moved an open Lead Pact Lead to the disqualified stage in HubSpot: the handoff closes
 * (reason `rep_in_hubspot`, nothing more sent to the Lead, the move is its touch) and, when the contact is still
 * sales-ready, Lead Pact records it like a rejection on the card in the same transaction — verdict `rejected`, reason
 * `other`, note "Disqualified in HubSpot: <HubSpot's reason>" — so the contact is recycled and may come back later
 * with a new Lead. False when the Lead is not an open handoff of Lead Pact's.
 */
async function disqualifiedByRep(event: LeadEvent, stage: string, io: LeadEventIo): Promise<boolean> {
  const { portalId, tx } = io;
  const note = disqualifiedInHubSpotNote(io.reasons.get(event.leadId));
  const at = event.occurredAt;
  const closed = await tx.leads.disqualifiedInHubSpot(portalId, event.leadId, stage, note, at);
  if (!closed) return false;
  const current = await tx.qualifications.get(portalId, closed.contactId, { lock: true });
  // Out of sales-ready already (Leads were off when it left): the Lead closes, the contact stays as it is.
  if (current?.tier !== 'sales_ready') return true;
  await writeVerdict(tx, portalId, {
    userId: event.userId ?? SOMEONE_IN_HUBSPOT,
    request: { objectId: closed.contactId, verdict: 'rejected', reason: 'other', note: note.slice(0, 1000) },
    currentTier: current.tier,
    at,
    now: io.now,
  });
  return true;
}

/**
 * Records what a lead webhook says on the handoff whose Lead it is: its new stage (a rep's first move on is the first
 * touch; the qualified stage is a conversion; a rep's move to the disqualified stage closes it and recycles the
 * contact), or that it was deleted in HubSpot (the handoff closes; nothing more is sent to it). A reason change is
 * read with its batch's stage change (`reasons`). False when the Lead is not one Lead Pact handed over (a rep's own
 * Lead, or one whose creation Lead Pact has not recorded yet): nothing is written.
 */
export async function applyLeadEvent(event: LeadEvent, io: LeadEventIo): Promise<boolean> {
  const { portalId, tx } = io;
  if (event.kind === 'lead_reason_changed')
    return (await tx.leads.byLeadId(portalId, event.leadId)) !== undefined;
  if (event.kind === 'lead_deleted') {
    const flags = { byRep: false, converted: false, deleted: true };
    return (
      (await tx.leads.recordStage(portalId, event.leadId, LEAD_DELETED_STAGE, event.occurredAt, flags)) !==
      undefined
    );
  }
  const stage = event.stage ?? '';
  const flags = leadStageChange(stage, event.byThisApp);
  if (flags.byRep && leadStageKind(stage) === 'disqualified' && (await disqualifiedByRep(event, stage, io)))
    return true;
  const handoff = await tx.leads.recordStage(portalId, event.leadId, stage, event.occurredAt, flags);
  return handoff !== undefined;
}
