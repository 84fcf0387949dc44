/** A calibration quiz round, as stored (migration 007). Ids count up per portal from 1. */
export interface StoredQuizRound {
  id: number;
  status: 'open' | 'closed';
  size: number;
  agreementVersion: number;
  startedAt: number;
  startedBy: string;
  closedAt: number | null;
  closedBy: string | null;
}

/** What starting a round records. */
export type NewQuizRound = Pick<StoredQuizRound, 'size' | 'agreementVersion' | 'startedAt' | 'startedBy'>;

/** Quiz rounds per portal. The store implements it. */
export interface QuizRoundsPort {
  /**
   * Waits for (then holds, until the transaction ends) the portal's right to start a round, so two starts take turns:
   * the second then sees the first one's round open. Call inside a write transaction.
   */
  lockStarts(portalId: string): Promise<void>;
  /** The portal's open round (the newest, should there be several), or undefined. */
  open(portalId: string): Promise<StoredQuizRound | undefined>;
  /** Records an open round under the portal's next id and returns that id. */
  create(portalId: string, round: NewQuizRound): Promise<number>;
  /** One round, or undefined. */
  get(portalId: string, id: number): Promise<StoredQuizRound | undefined>;
  /** The newest `limit` rounds, newest first. */
  list(portalId: string, limit: number): Promise<StoredQuizRound[]>;
  /** Closes an open round; false when it was closed already (or does not exist). */
  close(portalId: string, id: number, by: string, at: number): Promise<boolean>;
  /** The round closed last at or before `at`, or undefined. */
  latestClosed(portalId: string, at: number): Promise<StoredQuizRound | undefined>;
}
