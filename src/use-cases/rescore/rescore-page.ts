import type { ContactBatchesPort } from '../ports/contact-batches';
import type { SignalHistoryPort } from '../ports/signal-history';
import { scorePage } from './score-page';
import type { ScoringJob } from './scored-page';
import type { ScoringEngine } from './scoring-engine';
import { writePage, type PageResult, type PageWrites } from './write-page';

export type { PageResult } from './write-page';

/** What rescoring one page inside a transaction reads and writes. */
export interface PageStore extends PageWrites {
  contactBatches: Pick<ContactBatchesPort, 'page'>;
  signals: Pick<SignalHistoryPort, 'forContacts'>;
}

/** Everything one page needs besides the transaction. */
export interface PageJob extends ScoringJob {
  engine: ScoringEngine;
  now: number;
}

/**
 * Rescores one page of contacts after `after` inside the given transaction: read them with their current
 * qualification and signal history, qualify, allocate capacity, keep only what changed, write qualifications
 * and the outbox. Syncs and the full import run it over the contacts they just stored.
 */
export async function rescorePage(
  tx: PageStore,
  job: PageJob,
  after: string | null,
  size: number,
): Promise<PageResult> {
  const contacts = await tx.contactBatches.page(job.portalId, after, size);
  const histories = await tx.signals.forContacts(
    job.portalId,
    contacts.map((r) => r.contact.id),
  );
  return writePage(tx, job, scorePage(contacts, histories, job, job.engine, job.now));
}
