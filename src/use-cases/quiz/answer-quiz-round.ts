import type { QuizAnswer } from '../../contracts/quiz';
import { AppError } from '../../domain/app-error';
import type { Side } from '../../domain/quiz/quiz-types';
import { sidesOf } from '../agreements/resolve-side';
import type { QuizPorts } from './quiz-ports';
import { roundOf } from './quiz-views';

/** The side a user's answers count for: the one they answered for before, else the one their HubSpot teams give. */
async function answeringSide(
  ports: Pick<QuizPorts, 'store' | 'userTeams'>,
  caller: { portalId: string; userId: string },
  id: number,
  actingAs: Side | undefined,
): Promise<Side> {
  const sides = await sidesOf(
    { teams: ports.store.installations, userTeams: ports.userTeams },
    caller.portalId,
    caller.userId,
  );
  if (sides.length === 0) {
    throw new AppError(
      'forbidden',
      'You are in neither a marketing nor a sales team of this portal, so your answers would count for no side. Ask a HubSpot super admin of this portal to map your HubSpot team in the Lead Pact settings.',
    );
  }
  const before = await ports.store.quizAnswers.sideOf(caller.portalId, id, caller.userId);
  if (before !== undefined) return before;
  if (sides.length === 1) return sides[0]!;
  if (actingAs === undefined) {
    throw new AppError(
      'invalid_input',
      'You are in both a marketing and a sales team: say which side you answer for.',
      [{ path: 'actingAs', message: 'expected "marketing" or "sales"' }],
    );
  }
  return actingAs;
}

/**
 * Records some of a user's answers to an open round (an answer given before is replaced). The side is resolved from
 * the team mapping at the user's first answer and kept for the round; someone in no mapped team may not answer.
 */
export async function answerQuizRound(
  ports: Pick<QuizPorts, 'store' | 'userTeams' | 'clock'>,
  caller: { portalId: string; userId: string },
  input: { id: number; answers: readonly QuizAnswer[]; actingAs?: Side },
): Promise<void> {
  const round = await roundOf(ports.store, caller.portalId, input.id);
  if (round.status === 'closed')
    throw new AppError('conflict', `Quiz round ${input.id} is closed: its answers are final.`);
  const leads = new Set((await ports.store.quizLeads.list(caller.portalId, input.id)).map((l) => l.leadKey));
  const unknown = input.answers.findIndex((a) => !leads.has(a.leadKey));
  if (unknown >= 0) {
    throw new AppError('invalid_input', `Round ${input.id} has no lead ${input.answers[unknown]!.leadKey}.`, [
      { path: `answers.${unknown}.leadKey`, message: 'not a lead of this round' },
    ]);
  }
  const side = await answeringSide(ports, caller, input.id, input.actingAs);
  const records = input.answers.map((a) => ({
    userId: caller.userId,
    side,
    leadKey: a.leadKey,
    callThisMonth: a.callThisMonth,
  }));
  await ports.store.transaction(async (tx) => {
    const still = await tx.quizRounds.get(caller.portalId, input.id);
    if (still?.status !== 'open')
      throw new AppError('conflict', `Quiz round ${input.id} is closed: its answers are final.`);
    await tx.quizAnswers.upsertMany(caller.portalId, input.id, records, ports.clock.now());
  });
}
