import type { AgreementPorts, UserTeamsLookup } from '../agreements/ports';
import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { InstallationsPort } from '../ports/installations';
import type { QuizAnswersPort } from '../ports/quiz-answers';
import type { QuizCandidatesPort } from '../ports/quiz-candidates';
import type { QuizRoundLeadsPort } from '../ports/quiz-round-leads';
import type { QuizRoundsPort } from '../ports/quiz-rounds';
import type { Transactional } from '../ports/transactional';

/** The repositories the quiz use cases read and write (the real `Store` satisfies it). */
export interface QuizStore extends Transactional<QuizStore> {
  quizRounds: QuizRoundsPort;
  quizLeads: QuizRoundLeadsPort;
  quizAnswers: QuizAnswersPort;
  quizCandidates: QuizCandidatesPort;
  agreements: Pick<AgreementVersionsPort, 'active' | 'get'>;
  installations: Pick<InstallationsPort, 'teamMapping'>;
}

/** Everything the quiz use cases need: the store, whose teams a user is in, the clock, and the agreement lifecycle. */
export interface QuizPorts {
  store: QuizStore;
  userTeams: UserTeamsLookup;
  clock: { now(): number };
  /** Saving a suggestion into the draft goes through the agreement lifecycle (saveDraft). */
  agreements: AgreementPorts;
}
