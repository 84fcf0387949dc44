import type { Agreement } from '../../domain/agreement-schema';
import type { ContactRecord, ContactState, Locale, Qualification } from '../../domain/qualification';
import type { Store } from '../../store/create-store';

/** The pure engine the rescore runs (the domain's qualify and renderReasons, passed in). */
export interface ScoringEngine {
  qualify(contact: ContactRecord, agreement: Agreement, now: number, state?: ContactState): Qualification;
  renderReasons(q: Qualification, locale: Locale): string;
  /** SLA first-touch deadline for a contact that became sales_ready at `qualifiedAt`; null when unknown. */
  followUpDue?(qualifiedAt: number, agreement: Agreement): number | null;
}

/** The parts of the store a rescore reads and writes. */
export type RescoreStore = Pick<
  Store,
  'transaction' | 'agreements' | 'contacts' | 'checkpoints' | 'installations'
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
}
