import { countRate } from './count-rate';
import { median } from './median';
import type { FollowUpRow } from './monthly-report';
import type { ContactEvent, HandoffEvent } from './report-input';

const HOUR_MS = 3_600_000;

interface LeadFollowUp {
  ownerId: string | null;
  pending: boolean;
  withinSla: boolean;
  breached: boolean;
  hoursToFirstTouch: number | null;
}

/** Earliest time per contact, among events at or after `since(contactId)`. */
function earliestAfter(events: readonly ContactEvent[], since: Map<string, number>): Map<string, number> {
  const earliest = new Map<string, number>();
  for (const { contactId, at } of events) {
    const from = since.get(contactId);
    if (from === undefined || at < from) continue;
    const known = earliest.get(contactId);
    if (known === undefined || at < known) earliest.set(contactId, at);
  }
  return earliest;
}

function row(ownerId: string | null, leads: readonly LeadFollowUp[]): FollowUpRow {
  const pending = leads.filter((lead) => lead.pending).length;
  const hours = leads.flatMap((lead) => (lead.hoursToFirstTouch === null ? [] : [lead.hoursToFirstTouch]));
  return {
    ownerId,
    handed: leads.length,
    pending,
    withinSla: countRate(leads.filter((lead) => lead.withinSla).length, leads.length - pending),
    breaches: leads.filter((lead) => lead.breached).length,
    medianHoursToFirstTouch: median(hours),
  };
}

/**
 * Follow-up of the month's handoffs, in total and per owner (unassigned last). A lead is touched
 * within the SLA when its first touch after the handoff is no later than its due date (or, with no
 * due date known, when it is touched and no breach was recorded). Untouched leads not yet due are
 * pending and left out of the rate.
 */
export function summariseFollowUp(
  handoffs: readonly HandoffEvent[],
  firstTouches: readonly ContactEvent[],
  slaBreaches: readonly ContactEvent[],
  now: number,
): { total: FollowUpRow; byOwner: FollowUpRow[] } {
  const since = new Map(handoffs.map((handoff) => [handoff.contactId, handoff.at]));
  const touched = earliestAfter(firstTouches, since);
  const breachedAt = earliestAfter(slaBreaches, since);
  const leads = handoffs.map((handoff): LeadFollowUp => {
    const touch = touched.get(handoff.contactId);
    const breached = breachedAt.has(handoff.contactId);
    const due = handoff.dueAt;
    return {
      ownerId: handoff.ownerId,
      pending: touch === undefined && !breached && due !== null && due > now,
      withinSla: touch !== undefined && (due === null ? !breached : touch <= due),
      breached,
      hoursToFirstTouch: touch === undefined ? null : (touch - handoff.at) / HOUR_MS,
    };
  });
  const owners = [...new Set(leads.map((lead) => lead.ownerId))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return {
    total: row(null, leads),
    byOwner: owners.map((owner) =>
      row(
        owner,
        leads.filter((lead) => lead.ownerId === owner),
      ),
    ),
  };
}
