import type { ContactEvent, LeadEvent, WebhookEvent } from '../../hubspot/webhook-events';
import type { ContactSignal } from '../ports/signal-history';
import { applyLeadEvent } from './apply-lead-event';
import type { InboxBatchWrites } from './intake-ports';

/** What the active agreement makes of changes: signal properties for history, company properties it reads. */
export interface Watched {
  signals: Set<string>;
  /** Undefined without an active agreement: then no company change matters. */
  company: Set<string> | undefined;
}

/** What one batch collects before writing. */
export interface BatchEffects {
  changed: Set<string>;
  signals: Map<string, ContactSignal[]>;
  companies: Set<string>;
  forgotten: number;
  /** Lead webhooks recorded on a handoff, and those about a Lead Lead Pact did not hand over (ignored). */
  leadEvents: number;
  unknownLeads: number;
  /** HubSpot's disqualification reasons the batch sets on Leads (`leadReasonsOf`), read by their stage changes. */
  leadReasons: ReadonlyMap<string, string>;
}

const isLeadEvent = (event: WebhookEvent): event is LeadEvent =>
  event.kind === 'lead_stage_changed' ||
  event.kind === 'lead_deleted' ||
  event.kind === 'lead_reason_changed';

/** A company matters when the agreement reads the changed property (a restore changes them all). */
function companyMatters(event: Extract<WebhookEvent, { kind: 'company_changed' }>, watched: Watched) {
  return watched.company !== undefined && (!event.propertyName || watched.company.has(event.propertyName));
}

/** Records what one inbox event means for the batch: contacts to sync, signals to keep, companies to walk. */
export async function applyEvent(
  event: WebhookEvent,
  effects: BatchEffects,
  watched: Watched,
  io: { portalId: string; tx: InboxBatchWrites; now: number },
): Promise<void> {
  if (event.kind === 'company_changed') {
    if (companyMatters(event, watched)) effects.companies.add(event.companyId);
    return;
  }
  if (isLeadEvent(event)) {
    if (await applyLeadEvent(event, { ...io, reasons: effects.leadReasons })) effects.leadEvents += 1;
    else effects.unknownLeads += 1;
    return;
  }
  await applyContactEvent(event, effects, watched.signals, io);
}

async function applyContactEvent(
  event: ContactEvent,
  effects: BatchEffects,
  watched: Set<string>,
  io: { portalId: string; tx: InboxBatchWrites },
): Promise<void> {
  const { changed, signals } = effects;
  const drop = (id: string) => {
    changed.delete(id);
    signals.delete(id);
  };
  if (event.kind === 'privacy_deleted') {
    drop(event.contactId);
    await io.tx.contacts.forget(io.portalId, event.contactId);
    await io.tx.inbox.forgetContact(io.portalId, event.contactId);
    effects.forgotten += 1;
  } else if (event.kind === 'deleted') {
    drop(event.contactId);
    await io.tx.contacts.remove(io.portalId, event.contactId);
  } else if (event.kind === 'merged') {
    for (const id of event.mergedIds ?? []) {
      drop(id);
      await io.tx.contacts.remove(io.portalId, id);
    }
    changed.add(event.contactId);
  } else {
    changed.add(event.contactId);
    const name = event.propertyName;
    if (event.kind === 'property_changed' && name && watched.has(name) && event.propertyValue) {
      const list = signals.get(event.contactId) ?? [];
      list.push({
        contactId: event.contactId,
        property: name,
        value: event.propertyValue,
        at: event.occurredAt,
      });
      signals.set(event.contactId, list);
    }
  }
}
