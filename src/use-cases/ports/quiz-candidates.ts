import type { ContactRecord } from '../../domain/qualification';

/** A contact the quiz may sample: its stored snapshot and its current qualification. */
export interface QuizCandidate {
  contact: ContactRecord;
  tier: string;
  grade: string;
  score: number;
  criteria: unknown;
  /** When its current qualification was written (epoch ms). */
  updatedAt: number;
}

/** The read model the quiz samples from (qualifications joined with contact snapshots). The store implements it. */
export interface QuizCandidatesPort {
  /** Up to `limit` contacts qualified most recently (not disqualified), newest first. */
  recent(portalId: string, limit: number): Promise<QuizCandidate[]>;
}
