import type { Agreement, Route } from '../../domain/agreement-schema';
import type { Locale, ObservedChange } from '../../domain/qualification';
import type { ContactWithQualification } from '../ports/contact-batches';
import type { StoredQualification } from '../ports/qualifications';

/** What scoring a page needs: plain data only, so a worker thread can receive it. */
export interface ScoringJob {
  portalId: string;
  version: number;
  agreement: Agreement;
  locale: Locale;
}

/** A page of contacts as read for scoring: id order, each with its current qualification, and their signal histories. */
export interface ContactPage {
  contacts: readonly ContactWithQualification[];
  histories: ReadonlyMap<string, ObservedChange[]>;
}

/** Scores a page of contacts read at `now`. Pure: any thread that runs it gets the same page. */
export type PageScorer = (page: ContactPage, now: number) => ScoredPage;

/** A job's scorer; exported by a module under a name so a worker thread can build it (see `ScorerModule`). */
export type PageScorerFactory = (job: ScoringJob) => PageScorer;

/** A contact's qualification as it would be stored, and what that changes. */
export interface Outcome {
  stored: StoredQualification;
  /** Which written properties changed (`changedMask`; the outbox write), 0 when nothing did. */
  changed: number;
  /** Tier, grade, stage or route changed: the qualification goes to the history. */
  verdictChanged: boolean;
}

/** A contact that newly asks for a capacity place: its outcome with and without one. */
export interface Candidate {
  placed: Outcome;
  /** Held back because the month's total is full. */
  demoted: Outcome;
  /** The route it would be handed to. */
  route: Route;
  /** Held back because its route's own cap is full: only when that route is capped this month. */
  demotedByRoute?: Outcome;
}

/**
 * One page scored but not written: contacts in id order (only those with something to write, and every
 * candidate), candidates' positions highest score first. Capacity is decided when the page is written.
 */
export interface ScoredPage {
  lastId: string | null;
  count: number;
  now: number;
  month: string;
  entries: (Outcome | Candidate)[];
  /** Indexes into `entries`, best candidate first. */
  ranking: number[];
  /**
   * Only when the agreement creates HubSpot Leads: the page's contacts that keep the sales-ready place they already
   * hold (changed or not), as they would be stored. One handed over while Leads were off gets its Lead now.
   */
  keptSalesReady?: StoredQualification[];
}

export const isCandidate = (e: Outcome | Candidate): e is Candidate => 'placed' in e;
