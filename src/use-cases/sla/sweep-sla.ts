import type { Agreement } from '../../domain/agreement-schema';
import type { QualificationSummary } from '../ports/qualifications';
import { applySlaChanges, type PendingSlaChange } from './apply-sla-changes';
import { slaChange } from './sla-changes';
import type { SlaSweepResult, SlaSweepStore } from './sla-sweep-ports';

/** Contacts per page, and per write transaction. */
const PAGE = 500;

async function pendingChanges(
  store: SlaSweepStore,
  portalId: string,
  page: readonly QualificationSummary[],
  sla: Agreement['sla'],
  now: number,
): Promise<PendingSlaChange[]> {
  const pending: PendingSlaChange[] = [];
  for (const q of page) {
    const contact = await store.contacts.get(portalId, q.contactId);
    // A rep moving the contact's HubSpot Lead on counts as a touch (only one after this handoff: salesTouchAfter).
    const workedAt = (await store.leads.latest(portalId, q.contactId))?.workedAt ?? null;
    const change = slaChange(q, contact?.properties ?? {}, sla, now, workedAt);
    if (Object.keys(change.properties).length > 0) pending.push({ before: q, change });
  }
  return pending;
}

/**
 * Sets the first-touch due date and SLA status of every sales-ready contact of a portal and recycles those with
 * no progress within the agreement's `progressDays`. Each page commits in one transaction (state, history rows,
 * outbox, write-back job), so a sweep cut short by a crash is finished by the next one, each change made once.
 */
export async function sweepSla(
  store: SlaSweepStore,
  portalId: string,
  now: number,
  pageSize = PAGE,
): Promise<SlaSweepResult> {
  const result: SlaSweepResult = { checked: 0, changed: 0, breached: 0, recycled: 0 };
  const active = await store.agreements.active(portalId);
  if (!active) return result;
  let after: string | null = null;
  for (;;) {
    const page = await store.qualifications.pageInTier(portalId, 'sales_ready', after, pageSize);
    if (page.length === 0) break;
    after = page[page.length - 1]!.contactId;
    result.checked += page.length;
    const pending = await pendingChanges(store, portalId, page, active.body.sla, now);
    if (pending.length === 0) continue;
    const done = await store.transaction((tx) => applySlaChanges(tx, portalId, pending, now, active.body));
    result.changed += done.changed;
    result.breached += done.breached;
    result.recycled += done.recycled;
  }
  return result;
}
