import type { Agreement, Route } from '../../domain/agreement-schema';
import type { ContactRecord } from '../../domain/qualification';
import type { ContactsPort } from '../ports/contacts';
import type { LeadsPort } from '../ports/leads';
import type { StoredQualification } from '../ports/qualifications';
import { enqueueLeadSyncAfterWrites, type LeadSyncQueue } from './lead-sync-jobs';

/**
 * Why Lead Pact disqualifies a contact's Lead: a rep `rejected` it on the card, the SLA recycled it (`sla_no_touch`,
 * `sla_no_progress`), or a rescore took it out of sales-ready (`disqualified` by a rule, back to `nurture`).
 */
export const LEAD_CLOSE_REASONS = [
  'rejected',
  'sla_no_touch',
  'sla_no_progress',
  'disqualified',
  'nurture',
] as const;
export type LeadCloseReason = (typeof LEAD_CLOSE_REASONS)[number];

/** What a contact's qualification change means for its HubSpot Lead. */
export type LeadChange =
  /** A new handoff: the contact took a sales-ready place (its `qualifiedAt` is the handoff). */
  | { kind: 'handed_over'; qualification: StoredQualification }
  /** It left sales-ready: its open Lead is disqualified with the reason (and the rep's words, when a rejection). */
  | { kind: 'left'; contactId: string; reason: LeadCloseReason; note: string | null }
  /** A rep accepted it on the card: its open Lead moves on. */
  | { kind: 'accepted'; contactId: string };

/** What handing over Leads writes, inside the transaction that changed the qualifications. */
export interface LeadHandoffWrites extends LeadSyncQueue {
  leads: Pick<LeadsPort, 'open' | 'close' | 'openAmong'>;
  contacts: Pick<ContactsPort, 'get'>;
}

/** Whether an agreement hands sales-ready contacts over as HubSpot Leads (absent: no). */
export const createsLeads = (agreement: Agreement): boolean => agreement.handoff.createLeads === true;

const text = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : '');

/** `<first last or email> · <grade>`: what the rep sees in the prospecting workspace. */
export function leadName(contact: ContactRecord | undefined, contactId: string, grade: string): string {
  const p = contact?.properties ?? {};
  const person =
    [text(p.firstname), text(p.lastname)].filter(Boolean).join(' ') ||
    text(p.email) ||
    `Contact ${contactId}`;
  return `${person} · ${grade}`;
}

/**
 * Who owns a handoff's Lead: the route's owner in `handoff.leadOwners`; for a route's team, the team (the sync picks
 * its member with the fewest open Lead Pact Leads) with the contact's owner as the fallback; with no entry, the
 * contact's own `hubspot_owner_id`; else nobody (unassigned).
 */
export function leadOwner(
  agreement: Agreement,
  route: string,
  contact: ContactRecord | undefined,
): { ownerId: string | null; teamId: string | null } {
  const named = agreement.handoff.leadOwners?.[route as Route];
  const contactOwner = text(contact?.properties.hubspot_owner_id) || null;
  if (named?.ownerId) return { ownerId: named.ownerId, teamId: null };
  return { ownerId: contactOwner, teamId: named?.teamId ?? null };
}

/**
 * The one place a qualification change reaches the contact's HubSpot Lead, called by every site that changes
 * qualifications (rescore and sync pages, the card's score now and verdicts, the SLA sweep) inside its own
 * transaction, so the Lead row commits with the qualification or not at all. With `handoff.createLeads` off it does
 * nothing. A new handoff opens a Lead (never a second open one: the store refuses it); leaving sales-ready
 * disqualifies the open Lead with the reason; an acceptance moves it on. When anything was written, a lead-sync job is
 * queued to send it to HubSpot. Resolves with how many Leads were opened or changed.
 */
export async function handOverLeads(
  tx: LeadHandoffWrites,
  portalId: string,
  agreement: Agreement,
  changes: readonly LeadChange[],
  now: number,
): Promise<number> {
  if (!createsLeads(agreement) || changes.length === 0) return 0;
  let written = 0;
  // A page may take many contacts out of sales-ready at once (a stricter agreement): only those with a Lead count.
  const leaving = changes.flatMap((c) => (c.kind === 'left' ? [c.contactId] : []));
  const withLead = leaving.length > 0 ? await tx.leads.openAmong(portalId, leaving) : new Set<string>();
  for (const change of changes) {
    if (change.kind === 'handed_over') {
      const q = change.qualification;
      if (q.tier !== 'sales_ready' || q.qualifiedAt === null) continue;
      const contact = await tx.contacts.get(portalId, q.contactId);
      const opened = await tx.leads.open(
        portalId,
        {
          contactId: q.contactId,
          handoffAt: q.qualifiedAt,
          name: leadName(contact, q.contactId, q.grade),
          ...leadOwner(agreement, q.route, contact),
          companyId: text(contact?.company?.hs_object_id) || null,
          grade: q.grade,
          route: q.route,
          reasons: q.reasons,
        },
        now,
      );
      if (opened) written++;
    } else if (change.kind === 'left') {
      if (!withLead.has(change.contactId)) continue;
      if (await tx.leads.close(portalId, change.contactId, 'disqualified', change.reason, change.note, now))
        written++;
    } else if (await tx.leads.close(portalId, change.contactId, 'accepted', null, null, now)) {
      written++;
    }
  }
  if (written > 0) await enqueueLeadSyncAfterWrites(tx, portalId, now);
  return written;
}
