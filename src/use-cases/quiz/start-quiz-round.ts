import { QUIZ_SIZE } from '../../contracts/quiz';
import { AppError } from '../../domain/app-error';
import type { QuizPorts } from './quiz-ports';
import { sampleQuizLeads } from './sample-quiz-leads';

/** Candidates read per lead asked for: enough recent contacts to spread a round across grades and drivers. */
const CANDIDATES_PER_LEAD = 20;

/**
 * Starts a round: samples `size` recent leads under the active agreement and stores them with the agreement's
 * verdict as it stands now, so later rescores do not move the answers' yardstick. Either side may start one; a
 * portal without an active agreement or without enough qualified contacts cannot, nor one with a round still open
 * (`conflict`, naming it).
 */
export async function startQuizRound(
  ports: Pick<QuizPorts, 'store' | 'clock'>,
  input: { portalId: string; userId: string; size?: number },
): Promise<number> {
  const { store, clock } = ports;
  const size = input.size ?? QUIZ_SIZE.default;
  const active = await store.agreements.active(input.portalId);
  if (!active) {
    throw new AppError(
      'conflict',
      'This portal has no active agreement yet: a quiz compares answers with one.',
    );
  }
  const candidates = await store.quizCandidates.recent(input.portalId, size * CANDIDATES_PER_LEAD);
  const now = clock.now();
  const leads = sampleQuizLeads(candidates, active.body, size, now);
  if (leads.length < QUIZ_SIZE.min) {
    throw new AppError(
      'conflict',
      `A quiz needs at least ${QUIZ_SIZE.min} qualified contacts and this portal has ${leads.length}: import or sync contacts first.`,
    );
  }
  return store.transaction(async (tx) => {
    // One round at a time: two people pressing "Start" at once take turns here, and the second is told which round
    // is open instead of both getting the same number.
    await tx.quizRounds.lockStarts(input.portalId);
    const open = await tx.quizRounds.open(input.portalId);
    if (open) {
      throw new AppError(
        'conflict',
        `A round is already open (round ${open.id}): answer it, or close it before starting another.`,
      );
    }
    const id = await tx.quizRounds.create(input.portalId, {
      size: leads.length,
      agreementVersion: active.version,
      startedAt: now,
      startedBy: input.userId,
    });
    await tx.quizLeads.addMany(input.portalId, id, leads);
    return id;
  });
}
