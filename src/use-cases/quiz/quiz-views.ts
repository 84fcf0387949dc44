import type { QuizBlindLead, QuizRoundSummary } from '../../contracts/quiz';
import { AppError } from '../../domain/app-error';
import type { QuizLead, Side } from '../../domain/quiz/quiz-types';
import type { StoredQuizRound } from '../ports/quiz-rounds';
import type { QuizStore } from './quiz-ports';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A stored round in the contract's shape, with how many people of each side answered. */
export function roundSummary(round: StoredQuizRound, participants: Record<Side, number>): QuizRoundSummary {
  return {
    id: String(round.id),
    status: round.status,
    size: round.size,
    agreementVersion: round.agreementVersion,
    startedAt: new Date(round.startedAt).toISOString(),
    startedBy: round.startedBy,
    closedAt: iso(round.closedAt),
    closedBy: round.closedBy,
    participants,
  };
}

/** A lead as participants see it: no contact id, grade, tier, score or criteria. */
export function blindLead(lead: Pick<QuizLead, 'leadKey' | 'position' | 'facts' | 'actions'>): QuizBlindLead {
  return {
    leadKey: lead.leadKey,
    position: lead.position,
    facts: lead.facts.map(({ property, label, value }) => ({ property, label, value })),
    actions: lead.actions.map(({ property, label, value, at }) => ({
      property,
      label,
      value,
      at: at ?? null,
    })),
  };
}

/** A round of the portal, or `not_found`. */
export async function roundOf(store: Pick<QuizStore, 'quizRounds'>, portalId: string, id: number) {
  const round = await store.quizRounds.get(portalId, id);
  if (round === undefined) throw new AppError('not_found', `There is no quiz round ${id} in this portal.`);
  return round;
}

/** The summary of one round, with its participant counts read. */
export async function summaryOf(
  store: Pick<QuizStore, 'quizAnswers'>,
  portalId: string,
  round: StoredQuizRound,
) {
  const counts = await store.quizAnswers.participants(portalId, [round.id]);
  return roundSummary(round, counts.get(round.id) ?? { marketing: 0, sales: 0 });
}
