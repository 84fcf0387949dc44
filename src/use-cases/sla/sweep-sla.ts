import { parseAgreement } from '../../domain/parse-agreement';
import { AppError } from '../../errors/app-error';
import { enqueueWriteBack } from '../write-back/enqueue-write-back';
import { slaChange } from './sla-changes';
import type { SlaSweepResult, SlaSweepStore } from './sla-sweep-ports';

const PAGE = 500;

/**
 * Sets the first-touch due date and SLA status of every sales-ready contact of a portal and recycles those with
 * no progress within the agreement's `progressDays`; only changed properties go to the outbox, then a write-back
 * job is queued.
 */
export async function sweepSla(store: SlaSweepStore, portalId: string, now: number): Promise<SlaSweepResult> {
  const result: SlaSweepResult = { checked: 0, changed: 0, breached: 0, recycled: 0 };
  const active = await store.agreements.getActive(portalId);
  if (!active) return result;
  const parsed = parseAgreement(active.body);
  if (!parsed.success)
    throw new AppError(
      'internal',
      `The active agreement of portal ${portalId} no longer parses`,
      parsed.errors,
    );
  const { sla } = parsed.data;
  let after: string | null = null;
  for (;;) {
    const page = await store.qualifications.pageInTier(portalId, 'sales_ready', after, PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1]!.contactId;
    const writes = [];
    for (const q of page) {
      const id = q.contactId;
      result.checked++;
      const contact = await store.contacts.get(portalId, id);
      const change = slaChange(q, contact?.properties ?? {}, sla, now);
      if (Object.keys(change.properties).length === 0) continue;
      await store.qualifications.updateSla(portalId, id, change.patch, now);
      // Breaches and recycles are verdicts the monthly report counts from the history.
      if (change.recycleCause || change.patch.slaStatus === 'breached')
        await store.qualifications.recordInHistory(portalId, id, now, change.recycleCause ?? null);
      writes.push({ contactId: id, properties: change.properties });
      if (change.patch.slaStatus === 'breached') result.breached++;
      if (change.patch.tier === 'recycled') result.recycled++;
    }
    result.changed += writes.length;
    if (writes.length > 0) await store.outbox.enqueueMany(portalId, writes, now);
  }
  if (result.changed > 0) await enqueueWriteBack(store.jobs, portalId, now);
  return result;
}
