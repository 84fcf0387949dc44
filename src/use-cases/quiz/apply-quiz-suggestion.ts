import type { QuizSuggestion } from '../../contracts/quiz';
import { AppError } from '../../domain/app-error';
import { applyQuizPatch } from '../../domain/quiz/apply-quiz-patch';
import type { AgreementVersion } from '../agreements/ports';
import { saveDraft } from '../agreements/save-draft';
import { workingCopy } from '../agreements/working-copy';
import type { QuizPorts } from './quiz-ports';
import { quizResult } from './quiz-result';

/**
 * Writes suggestion `n` of a round into the draft: over the open draft if there is one, else into a new draft from
 * the active agreement. Nothing changes until the draft is proposed and approved as any change is.
 */
export async function applyQuizSuggestion(
  ports: QuizPorts,
  caller: { portalId: string; userId: string },
  input: { id: number; n: number },
): Promise<{ draft: AgreementVersion; applied: QuizSuggestion }> {
  const result = await quizResult(ports, caller.portalId, input.id);
  const applied = result.suggestions.find((s) => s.n === input.n);
  if (applied === undefined)
    throw new AppError('not_found', `Quiz round ${input.id} has no suggestion ${input.n}.`);
  const open = await workingCopy(ports.agreements, caller.portalId);
  const base = open?.status === 'draft' ? open : await ports.agreements.versions.active(caller.portalId);
  if (!base) throw new AppError('conflict', 'This portal has no agreement to apply the suggestion to.');
  const body = applyQuizPatch(base.body, applied.patch);
  if (body === undefined) {
    throw new AppError('conflict', 'The draft no longer has the criterion this suggestion changes.');
  }
  const draft = await saveDraft(ports.agreements, {
    portalId: caller.portalId,
    userId: caller.userId,
    body,
    ...(base.status === 'draft' ? { version: base.version } : {}),
  });
  return { draft, applied };
}
