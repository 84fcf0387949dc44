import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { CheckpointsPort } from '../ports/checkpoints';
import type { ContactsPort } from '../ports/contacts';
import type { InstallationsPort } from '../ports/installations';
import type { PageScorer, ScoredPage, ScoringJob } from './scored-page';
import type { ScoringEngine } from './scoring-engine';
import type { PageWrites } from './write-page';

export type { ScoringEngine } from './scoring-engine';

/** What a rescore writes with each page, in the page's transaction: the page itself and where the run is. */
export interface RescoreWrites extends PageWrites {
  checkpoints: Pick<CheckpointsPort, 'set'>;
}

/** How one run reads its pages: `size` contacts each, scored with `score` at `now()`. */
export interface PageRun {
  score: PageScorer;
  size: number;
  now: () => number;
}

/** The pages of one run, opened by a `RescorePageSource`. */
export interface RescorePages {
  /**
   * Reads and scores the page after `after` and runs `write` with it inside one write transaction; resolves with
   * what `write` returned once that transaction committed.
   */
  next<T>(after: string | null, write: (tx: RescoreWrites, page: ScoredPage) => Promise<T>): Promise<T>;
  /** Ends the run (stops reading ahead). */
  close(): Promise<void>;
}

/**
 * Where a rescore's pages come from: a portal's contacts in id order, read and scored, each handed over in the
 * transaction that writes it. The store may read and score the next page while one is written, on another thread,
 * and use it only if nothing else committed in between: the pages are the same as if read in the transaction.
 */
export interface RescorePageSource {
  open(job: ScoringJob, run: PageRun): Promise<RescorePages>;
}

/**
 * Where a worker thread finds a job's scorer: a module path `require` resolves and the name of its
 * `PageScorerFactory` export (a thread cannot be handed a function).
 */
export interface ScorerModule {
  module: string;
  name: string;
}

/** What a rescore reads before its pages: the agreement version, the portal's language and where a run stopped. */
export interface RescoreStore {
  agreements: Pick<AgreementVersionsPort, 'get'>;
  installations: Pick<InstallationsPort, 'get'>;
  checkpoints: Pick<CheckpointsPort, 'get'>;
  contacts: Pick<ContactsPort, 'count'>;
}

/** Everything a rescore runs on. */
export interface RescoreDeps {
  store: RescoreStore;
  pages: RescorePageSource;
  engine: ScoringEngine;
}

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
}
