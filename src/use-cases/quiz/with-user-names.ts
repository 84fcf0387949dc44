import type { QuizResult, QuizRoundList, QuizRoundView } from '../../contracts/quiz';
import type { Names } from '../names/cached-names';

/** HubSpot user ids to names (src/use-cases/names/owner-names.ts `userNames`), for one portal. */
export type UserNamesOf = (userIds: readonly string[]) => Promise<Names>;

type Summary = QuizRoundList['rounds'][number];

const named = (names: Names, id: string): string | null => names.names.get(id) ?? null;

function withStarter(round: Summary, names: Names): Summary {
  return { ...round, startedByName: named(names, round.startedBy) };
}

/** The rounds list with who started each by name (null when HubSpot has no owner for that user). */
export async function roundsWithNames(list: QuizRoundList, namesOf: UserNamesOf): Promise<QuizRoundList> {
  if (list.rounds.length === 0) return list; // nothing to name: HubSpot is not asked
  const names = await namesOf([...new Set(list.rounds.map((r) => r.startedBy))]);
  return { rounds: list.rounds.map((r) => withStarter(r, names)) };
}

/** A round's blind view with who started it by name. */
export async function roundViewWithNames(view: QuizRoundView, namesOf: UserNamesOf): Promise<QuizRoundView> {
  return { ...view, round: withStarter(view.round, await namesOf([view.round.startedBy])) };
}

/** A round's result with every participant (and who started it) by name: "Hana Sato", not "User 9001". */
export async function resultWithNames(result: QuizResult, namesOf: UserNamesOf): Promise<QuizResult> {
  const ids = new Set([result.round.startedBy, ...result.participants.map((p) => p.userId)]);
  const names = await namesOf([...ids]);
  return {
    ...result,
    round: withStarter(result.round, names),
    participants: result.participants.map((p) => ({ ...p, name: named(names, p.userId) })),
  };
}
