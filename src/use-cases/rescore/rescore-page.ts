import type { Repositories } from '../../store/repositories';
import type { ScoringEngine } from './rescore-ports';
import { scorePage, type ScoredPage, type ScoringJob } from './score-page';
import { writePage, type PageResult } from './write-page';

export type { PageResult } from './write-page';

/** The reads a page needs (a transaction, or a read-only connection in a worker thread). */
export type PageReads = Pick<Repositories, 'contactBatches' | 'signals'>;

/** Everything one page needs besides the transaction. */
export interface PageJob extends ScoringJob {
  engine: ScoringEngine;
  now: number;
}

/** Reads up to `size` contacts after `after` with their current qualification and signal history, and scores them. */
export async function readPage(
  reads: PageReads,
  job: ScoringJob,
  engine: ScoringEngine,
  page: { after: string | null; size: number; now: number },
): Promise<ScoredPage> {
  const rows = await reads.contactBatches.page(job.portalId, page.after, page.size);
  const histories = await reads.signals.forContacts(
    job.portalId,
    rows.map((r) => r.contact.id),
  );
  return scorePage(rows, histories, job, engine, page.now);
}

/**
 * Rescores one page of contacts after `after` inside the given transaction: qualify, allocate
 * capacity, keep only what changed, write qualifications and the outbox.
 */
export async function rescorePage(
  tx: Repositories,
  job: PageJob,
  after: string | null,
  size: number,
): Promise<PageResult> {
  const page = await readPage(tx, job, job.engine, { after, size, now: job.now });
  return writePage(tx, job, page);
}
