import type { QuizAnswerRecord, Side } from '../../domain/quiz/quiz-types';

/** The participants' answers in quiz rounds: one per lead and HubSpot user, under the side they answered for. */
export interface QuizAnswersPort {
  /** Sets (or changes) answers; an answer to a lead a user answered before replaces it. */
  upsertMany(
    portalId: string,
    roundId: number,
    answers: readonly QuizAnswerRecord[],
    at: number,
  ): Promise<void>;
  /** Every answer of a round, by lead key then user. */
  list(portalId: string, roundId: number): Promise<QuizAnswerRecord[]>;
  /** The side a user answered a round for, or undefined before their first answer. */
  sideOf(portalId: string, roundId: number, userId: string): Promise<Side | undefined>;
  /** How many people of each side answered each of the rounds. */
  participants(portalId: string, roundIds: readonly number[]): Promise<Map<number, Record<Side, number>>>;
}
