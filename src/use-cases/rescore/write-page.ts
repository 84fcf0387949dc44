import { capacityForMonth } from '../../domain/allocate-capacity';
import type { CapacityPort } from '../ports/capacity';
import type { OutboxPort, OutboxWrite } from '../ports/outbox';
import type { QualificationsPort, StoredQualification } from '../ports/qualifications';
import { isCandidate, type Outcome, type ScoredPage, type ScoringJob } from './scored-page';
import { maskedProperties } from './written-properties';

/** What writing a page needs, inside its transaction. */
export interface PageWrites {
  capacity: Pick<CapacityPort, 'takeUpTo'>;
  qualifications: Pick<QualificationsPort, 'upsertMany' | 'appendHistory'>;
  outbox: Pick<OutboxPort, 'enqueueMany'>;
}

/** What a page did. */
export interface PageResult {
  lastId: string | null;
  count: number;
  changed: number;
  madeSalesReady: number;
}

/**
 * Writes a scored page inside the given transaction: takes capacity places for the best candidates (the
 * rest stay nurture for "capacity"), then the changed qualifications, their history and the outbox.
 */
export async function writePage(tx: PageWrites, job: ScoringJob, page: ScoredPage): Promise<PageResult> {
  const taken = await tx.capacity.takeUpTo(
    job.portalId,
    page.month,
    capacityForMonth(job.agreement, page.month),
    page.ranking.length,
  );
  const placed = new Set(page.ranking.slice(0, taken));
  const upserts: StoredQualification[] = [];
  const verdicts: StoredQualification[] = [];
  const writes: OutboxWrite[] = [];
  page.entries.forEach((entry, i) => {
    const o: Outcome = isCandidate(entry) ? (placed.has(i) ? entry.placed : entry.demoted) : entry;
    if (o.changed === 0) return;
    upserts.push(o.stored);
    if (o.verdictChanged) verdicts.push(o.stored);
    writes.push({ contactId: o.stored.contactId, properties: maskedProperties(o.changed, o.stored) });
  });
  await tx.qualifications.upsertMany(job.portalId, upserts, page.now);
  await tx.qualifications.appendHistory(job.portalId, verdicts, page.now);
  await tx.outbox.enqueueMany(job.portalId, writes, page.now);
  return { lastId: page.lastId, count: page.count, changed: writes.length, madeSalesReady: taken };
}
