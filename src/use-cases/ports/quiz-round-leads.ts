import type { QuizLead } from '../../domain/quiz/quiz-types';

/** The leads of quiz rounds, each with what participants see and the verdict snapshot taken at start. */
export interface QuizRoundLeadsPort {
  /** Records a round's leads. */
  addMany(portalId: string, roundId: number, leads: readonly QuizLead[]): Promise<void>;
  /** A round's leads in round order. */
  list(portalId: string, roundId: number): Promise<QuizLead[]>;
}
