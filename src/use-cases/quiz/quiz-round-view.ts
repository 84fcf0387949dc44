import type { QuizRoundList, QuizRoundView } from '../../contracts/quiz';
import { sidesOf } from '../agreements/resolve-side';
import type { QuizPorts } from './quiz-ports';
import { blindLead, roundOf, roundSummary, summaryOf } from './quiz-views';

/** The rounds shown in the list. */
const LISTED_ROUNDS = 50;

/** The portal's rounds, newest first. */
export async function listQuizRounds(
  ports: Pick<QuizPorts, 'store'>,
  portalId: string,
): Promise<QuizRoundList> {
  const rounds = await ports.store.quizRounds.list(portalId, LISTED_ROUNDS);
  const counts = await ports.store.quizAnswers.participants(
    portalId,
    rounds.map((r) => r.id),
  );
  return { rounds: rounds.map((r) => roundSummary(r, counts.get(r.id) ?? { marketing: 0, sales: 0 })) };
}

/** A round as the calling user sees it: the blind leads, their own answers and whether they may answer. */
export async function quizRoundView(
  ports: Pick<QuizPorts, 'store' | 'userTeams'>,
  caller: { portalId: string; userId: string },
  id: number,
): Promise<QuizRoundView> {
  const { store } = ports;
  const round = await roundOf(store, caller.portalId, id);
  const [leads, answers, sides] = await Promise.all([
    store.quizLeads.list(caller.portalId, id),
    store.quizAnswers.list(caller.portalId, id),
    sidesOf({ teams: store.installations, userTeams: ports.userTeams }, caller.portalId, caller.userId),
  ]);
  const order = new Map(leads.map((l) => [l.leadKey, l.position]));
  const mine = answers
    .filter((a) => a.userId === caller.userId)
    .sort((a, b) => (order.get(a.leadKey) ?? 0) - (order.get(b.leadKey) ?? 0));
  const reason = round.status === 'closed' ? 'closed' : sides.length === 0 ? 'no_team' : undefined;
  return {
    round: await summaryOf(store, caller.portalId, round),
    leads: leads.map(blindLead),
    myAnswers: mine.map((a) => ({ leadKey: a.leadKey, callThisMonth: a.callThisMonth })),
    viewer: {
      userId: caller.userId,
      sides,
      answeredAs: mine[0]?.side ?? null,
      canAnswer: reason === undefined,
      ...(reason === undefined ? {} : { reason }),
    },
  };
}
