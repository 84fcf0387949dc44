import type { Agreement } from '../../domain/agreement-schema';
import { handOverLeads, type LeadChange } from '../leads/hand-over-leads';
import type { OutboxWrite } from '../ports/outbox';
import type { StoredQualification } from '../ports/qualifications';
import { enqueueWriteBackAfterWrites } from '../write-back/enqueue-write-back';
import type { SlaChange } from './sla-changes';
import type { SlaChangesStore, SlaSweepResult } from './sla-sweep-ports';

/** A change the sweep computed for a contact, with the SLA state it was computed from. */
export interface PendingSlaChange {
  before: Pick<StoredQualification, 'contactId' | 'tier' | 'slaStatus' | 'followUpDue'>;
  change: SlaChange;
}

/**
 * Applies one page of SLA changes inside `tx`: each contact's new state, its history row and its outbox write
 * (with the write-back job) commit together or not at all, so a crash leaves the contact as it was and the next
 * sweep makes the change once. A contact whose SLA state changed since it was read is left to the next sweep. A
 * recycled contact's HubSpot Lead (`handoff.createLeads` in `agreement`) is disqualified with the recycle's cause.
 */
export async function applySlaChanges(
  tx: SlaChangesStore,
  portalId: string,
  pending: readonly PendingSlaChange[],
  now: number,
  agreement: Agreement,
): Promise<Omit<SlaSweepResult, 'checked'>> {
  const counts = { changed: 0, breached: 0, recycled: 0 };
  const writes: OutboxWrite[] = [];
  const recycled: LeadChange[] = [];
  for (const { before, change } of pending) {
    const id = before.contactId;
    if (!(await tx.qualifications.updateSla(portalId, id, change.patch, now, before))) continue;
    // Breaches and recycles are verdicts the monthly report counts from the history.
    if (change.recycleCause || change.patch.slaStatus === 'breached')
      await tx.qualifications.recordInHistory(portalId, id, now, change.recycleCause ?? null);
    writes.push({ contactId: id, properties: change.properties });
    counts.changed++;
    if (change.patch.slaStatus === 'breached') counts.breached++;
    if (change.patch.tier === 'recycled') counts.recycled++;
    if (change.recycleCause)
      recycled.push({ kind: 'left', contactId: id, reason: change.recycleCause, note: null });
  }
  await handOverLeads(tx, portalId, agreement, recycled, now);
  if (writes.length === 0) return counts;
  await tx.outbox.enqueueMany(portalId, writes, now);
  await enqueueWriteBackAfterWrites(tx, portalId, now);
  return counts;
}
