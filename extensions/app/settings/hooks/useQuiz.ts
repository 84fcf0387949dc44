import { useCallback, useState } from 'react';
import { useExtensionActions } from '@hubspot/ui-extensions';
import {
  quizApplyResponseSchema,
  quizResultSchema,
  quizRoundSummarySchema,
  quizRoundViewSchema,
  type QuizAnswer,
  type QuizApplyResponse,
  type QuizResult,
  type QuizRoundSummary,
  type QuizRoundView,
  type Side,
} from '@lead-pact/contracts';
import { asBackendError, type BackendRequest, type ResponseSchema } from '../../shared/backendClient';
import { withRequestId } from '../../shared/requestId';
import { fetchBackend } from '../utils/fetchBackend';

/** `/api/quiz/rounds/:id` and below. */
export const roundPath = (id: string, rest = '') => `/api/quiz/rounds/${encodeURIComponent(id)}${rest}`;

/**
 * What starting a round answers: the new round's view (or, tolerated, its summary alone); the tab only needs the
 * round to open it.
 */
const startedRoundSchema: ResponseSchema<QuizRoundSummary> = {
  safeParse(value) {
    const view = quizRoundViewSchema.safeParse(value);
    if (view.success) return { success: true, data: view.data.round };
    const summary = quizRoundSummarySchema.safeParse(value);
    return summary.success ? { success: true, data: summary.data } : { success: false, error: view.error };
  },
};

/**
 * The quiz's state-changing calls (`POST /api/quiz/rounds`, `PUT .../answers`, `POST .../close`,
 * `POST .../suggestions/:n/apply`), each with a fresh request id per click, an alert on success or failure, and
 * `busy` while one runs. Each resolves to the server's answer, or null when it failed.
 */
export function useQuizWrites(baseUrl: string) {
  const actions = useExtensionActions<'settings'>();
  const [busy, setBusy] = useState(false);
  const write = useCallback(
    async <T>(
      request: BackendRequest,
      schema: ResponseSchema<T>,
      done: (answer: T) => string,
      failed: string,
    ): Promise<T | null> => {
      setBusy(true);
      try {
        // A fresh id per click: hubspot.fetch's own retry repeats it, and the backend applies it once.
        const answer = await fetchBackend(baseUrl, withRequestId(request), schema);
        actions.addAlert({ type: 'success', message: done(answer) });
        return answer;
      } catch (thrown) {
        actions.addAlert({ type: 'danger', title: failed, message: asBackendError(thrown).message });
        return null;
      } finally {
        setBusy(false);
      }
    },
    [actions, baseUrl],
  );
  return {
    busy,
    start: (size: number, done: string, failed: string) =>
      write(
        { path: '/api/quiz/rounds', method: 'POST', body: { size } },
        startedRoundSchema,
        () => done,
        failed,
      ),
    answer: (
      roundId: string,
      answers: QuizAnswer[],
      actingAs: Side | undefined,
      done: (view: QuizRoundView) => string,
      failed: string,
    ) =>
      write(
        {
          path: roundPath(roundId, '/answers'),
          method: 'PUT',
          body: { answers, ...(actingAs ? { actingAs } : {}) },
        },
        quizRoundViewSchema,
        done,
        failed,
      ),
    close: (roundId: string, done: string, failed: string) =>
      write({ path: roundPath(roundId, '/close'), method: 'POST' }, quizResultSchema, () => done, failed),
    apply: (
      roundId: string,
      n: number,
      done: (answer: QuizApplyResponse) => string,
      failed: string,
    ): Promise<QuizApplyResponse | null> =>
      write(
        { path: roundPath(roundId, `/suggestions/${n}/apply`), method: 'POST' },
        quizApplyResponseSchema,
        done,
        failed,
      ),
  };
}

export type QuizWrites = ReturnType<typeof useQuizWrites>;
export type { QuizResult };
