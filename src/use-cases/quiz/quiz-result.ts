import type { QuizResult } from '../../contracts/quiz';
import { AppError } from '../../domain/app-error';
import { buildQuizResult } from '../../domain/quiz/build-quiz-result';
import type { StoredQuizRound } from '../ports/quiz-rounds';
import type { QuizPorts, QuizStore } from './quiz-ports';
import { blindLead, roundOf, summaryOf } from './quiz-views';

/** The result of a stored round, against the agreement version it started under. */
export async function resultOfRound(
  store: Pick<QuizStore, 'quizLeads' | 'quizAnswers' | 'agreements'>,
  portalId: string,
  round: StoredQuizRound,
): Promise<QuizResult> {
  const [leads, answers, version] = await Promise.all([
    store.quizLeads.list(portalId, round.id),
    store.quizAnswers.list(portalId, round.id),
    store.agreements.get(portalId, round.agreementVersion),
  ]);
  if (!version)
    throw new AppError(
      'internal',
      `Agreement version ${round.agreementVersion} of quiz round ${round.id} is missing.`,
    );
  const stats = buildQuizResult(leads, answers, version.body);
  return {
    round: await summaryOf(store, portalId, round),
    oneSided: stats.oneSided,
    answeredSide: stats.answeredSide,
    participants: stats.participants,
    sides: stats.sides,
    betweenSides: stats.betweenSides,
    vsVerdict: stats.vsVerdict,
    leads: stats.leads.map((lead) => ({
      ...blindLead(lead),
      contactId: lead.contactId,
      marketing: lead.marketing,
      sales: lead.sales,
      verdict: lead.verdict,
      disagree: lead.disagree,
      againstVerdict: lead.againstVerdict,
      drivers: lead.drivers.map(({ fullPoints: _full, ...c }) => c),
    })),
    suggestions: stats.suggestions,
  };
}

/** `GET .../result`: a closed round's result; `conflict` while it is open (the verdicts stay hidden until then). */
export async function quizResult(
  ports: Pick<QuizPorts, 'store'>,
  portalId: string,
  id: number,
): Promise<QuizResult> {
  const round = await roundOf(ports.store, portalId, id);
  if (round.status === 'open') {
    throw new AppError(
      'conflict',
      `Quiz round ${id} is still open: its result shows once it is closed, so nobody sees the agreement's verdicts while answering.`,
    );
  }
  return resultOfRound(ports.store, portalId, round);
}

/** Closes an open round (its answers become final) and answers its result; `conflict` when it was closed already. */
export async function closeQuizRound(
  ports: Pick<QuizPorts, 'store' | 'clock'>,
  caller: { portalId: string; userId: string },
  id: number,
): Promise<void> {
  await roundOf(ports.store, caller.portalId, id);
  const closed = await ports.store.transaction((tx) =>
    tx.quizRounds.close(caller.portalId, id, caller.userId, ports.clock.now()),
  );
  if (!closed) throw new AppError('conflict', `Quiz round ${id} is closed already.`);
}
