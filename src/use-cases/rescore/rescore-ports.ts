import type { Agreement } from '../../domain/agreement-schema';
import type { ContactRecord, ContactState, Locale, Qualification } from '../../domain/qualification';
import type { Store } from '../../store/create-store';
import type { ScoredPage, ScoringJob } from './score-page';

/** The pure engine the rescore runs (the domain's qualify and renderReasons, passed in). */
export interface ScoringEngine {
  qualify(contact: ContactRecord, agreement: Agreement, now: number, state?: ContactState): Qualification;
  renderReasons(q: Qualification, locale: Locale): string;
  /** SLA first-touch deadline for a contact that became sales_ready at `qualifiedAt`; null when unknown. */
  followUpDue?(qualifiedAt: number, agreement: Agreement): number | null;
}

/** Which page to read and score: up to `size` contacts after `after`, qualified at `now`. */
export interface PageRequest {
  after: string | null;
  size: number;
  now: number;
}

/**
 * Reads and scores the next page while the current one is written (a worker thread on the second core),
 * and checkpoints the SQLite WAL after each page so the writer does not have to. The rescore uses a page
 * read ahead only when no other connection committed since (SQLite data_version).
 */
export interface PagePrefetcher {
  request(page: PageRequest): Promise<ScoredPage>;
  close(): Promise<void>;
}

/** Starts a prefetcher for one rescore run. */
export type PrefetcherFactory = (job: ScoringJob) => Promise<PagePrefetcher>;

/** The parts of the store a rescore reads and writes. */
export type RescoreStore = Pick<
  Store,
  'transaction' | 'agreements' | 'contacts' | 'checkpoints' | 'installations' | 'wal'
>;

/** Where a rescore is, readable at any time (job progress) and saved after every batch (checkpoint). */
export interface RescoreProgress {
  /** Last contact id done; the next batch starts after it. */
  after: string | null;
  done: number;
  total: number;
  /** Contacts whose written properties changed (went to the outbox). */
  changed: number;
  /** Contacts that took a capacity place. */
  madeSalesReady: number;
  finished: boolean;
}

/** One rescore run. */
export interface RescoreRequest {
  portalId: string;
  agreementVersion: number;
  /** Contacts per batch (one transaction each). */
  batchSize?: number;
  now?: () => number;
  signal?: AbortSignal;
  onProgress?: (progress: RescoreProgress) => Promise<void> | void;
  /** Scores the next page ahead while the current one is written (used on SQLite only). */
  prefetch?: PrefetcherFactory;
}
