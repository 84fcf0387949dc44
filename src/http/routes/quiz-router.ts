import { Router } from 'express';
import { z } from 'zod';
import {
  quizAnswersRequestSchema,
  quizApplyRequestSchema,
  quizApplyResponseSchema,
  quizCloseRequestSchema,
  quizResultSchema,
  quizRoundIdSchema,
  quizRoundListSchema,
  quizRoundViewSchema,
  quizStartRequestSchema,
} from '../../contracts/quiz';
import { answerQuizRound } from '../../use-cases/quiz/answer-quiz-round';
import { applyQuizSuggestion } from '../../use-cases/quiz/apply-quiz-suggestion';
import type { QuizPorts } from '../../use-cases/quiz/quiz-ports';
import { closeQuizRound, quizResult } from '../../use-cases/quiz/quiz-result';
import { listQuizRounds, quizRoundView } from '../../use-cases/quiz/quiz-round-view';
import { startQuizRound } from '../../use-cases/quiz/start-quiz-round';
import { resultWithNames, roundsWithNames, roundViewWithNames } from '../../use-cases/quiz/with-user-names';
import type { Names } from '../../use-cases/names/cached-names';
import { OWNERS_SCOPE } from '../../use-cases/names/owner-names';
import { AppError } from '../../domain/app-error';
import { workingCopy } from '../../use-cases/agreements/working-copy';
import { toVersion } from './agreements-view';
import { parseInput } from './parse-input';
import type { ApplyOnce } from './request-once';
import { signedCaller, type Caller } from './signed-caller';

/** The quiz ports, how a write runs once per request id, and HubSpot user ids to names (none: ids are shown). */
export interface QuizRouteDeps {
  ports: QuizPorts;
  once: ApplyOnce<QuizPorts>;
  userNames?: (portalId: string, userIds: readonly string[]) => Promise<Names>;
}

const NO_NAMES: Names = {
  names: new Map(),
  status: { source: 'ids', reason: 'not_configured', scope: OWNERS_SCOPE },
};

const roundParams = z.object({ id: quizRoundIdSchema });
const suggestionParams = roundParams.extend({
  n: z.string().regex(/^[1-9]\d{0,2}$/, 'expected a suggestion number'),
});

/**
 * The calibration quiz for the settings page and the CLI (contract: src/contracts/quiz.ts). Writes are applied once
 * per request id, as the agreement routes are: a copy hubspot.fetch resends answers what the first copy made.
 */
export function quizRouter(deps: QuizRouteDeps): Router {
  const router = Router();
  const { ports } = deps;
  const once = (
    caller: Caller,
    route: string,
    requestId: string | undefined,
    effect: (p: QuizPorts) => Promise<unknown>,
  ) => deps.once({ ...caller, route: `quiz.${route}`, requestId }, effect);
  const idOf = (params: unknown) => Number(parseInput(roundParams, params, 'path').id);
  // Participants and who started a round by name, from HubSpot's owners (cached per portal).
  const namesFor = (caller: Caller) => (ids: readonly string[]) =>
    deps.userNames ? deps.userNames(caller.portalId, ids) : Promise.resolve(NO_NAMES);
  const viewOf = async (caller: Caller, id: number) =>
    quizRoundViewSchema.parse(
      await roundViewWithNames(await quizRoundView(ports, caller, id), namesFor(caller)),
    );
  const resultOf = async (caller: Caller, id: number) =>
    quizResultSchema.parse(
      await resultWithNames(await quizResult(ports, caller.portalId, id), namesFor(caller)),
    );

  router.get('/api/quiz/rounds', async (_req, res) => {
    const caller = signedCaller(res);
    const list = await listQuizRounds(ports, caller.portalId);
    res.json(quizRoundListSchema.parse(await roundsWithNames(list, namesFor(caller))));
  });
  router.post('/api/quiz/rounds', async (req, res) => {
    const caller = signedCaller(res);
    const { size, requestId } = parseInput(quizStartRequestSchema, req.body ?? {}, 'round');
    let started: number | undefined;
    await once(caller, 'start', requestId, async (p) => {
      started = await startQuizRound(p, { ...caller, ...(size === undefined ? {} : { size }) });
    });
    // A replayed copy answers the newest round, which its first copy started.
    const id = started ?? Number((await listQuizRounds(ports, caller.portalId)).rounds[0]!.id);
    res.status(201).json(await viewOf(caller, id));
  });
  router.get('/api/quiz/rounds/:id', async (req, res) => {
    const caller = signedCaller(res);
    res.json(await viewOf(caller, idOf(req.params)));
  });
  router.put('/api/quiz/rounds/:id/answers', async (req, res) => {
    const caller = signedCaller(res);
    const id = idOf(req.params);
    const { answers, actingAs, requestId } = parseInput(quizAnswersRequestSchema, req.body, 'answers');
    await once(caller, `answers.${id}`, requestId, (p) =>
      answerQuizRound(p, caller, { id, answers, ...(actingAs === undefined ? {} : { actingAs }) }),
    );
    res.json(await viewOf(caller, id));
  });
  router.post('/api/quiz/rounds/:id/close', async (req, res) => {
    const caller = signedCaller(res);
    const id = idOf(req.params);
    const { requestId } = parseInput(quizCloseRequestSchema, req.body ?? {}, 'close');
    await once(caller, `close.${id}`, requestId, (p) => closeQuizRound(p, caller, id));
    res.json(await resultOf(caller, id));
  });
  router.get('/api/quiz/rounds/:id/result', async (req, res) => {
    const caller = signedCaller(res);
    res.json(await resultOf(caller, idOf(req.params)));
  });
  router.post('/api/quiz/rounds/:id/suggestions/:n/apply', async (req, res) => {
    const caller = signedCaller(res);
    const params = parseInput(suggestionParams, req.params, 'path');
    const input = { id: Number(params.id), n: Number(params.n) };
    const { requestId } = parseInput(quizApplyRequestSchema, req.body ?? {}, 'apply');
    let applied: Awaited<ReturnType<typeof applyQuizSuggestion>> | undefined;
    await once(caller, `apply.${input.id}.${input.n}`, requestId, async (p) => {
      applied = await applyQuizSuggestion(p, caller, input);
    });
    const result = applied ?? (await replayedApply(ports, caller, input));
    const active = await ports.agreements.versions.active(caller.portalId);
    res.json(
      quizApplyResponseSchema.parse({ draft: toVersion(result.draft, [], active), applied: result.applied }),
    );
  });
  return router;
}

/** What a replayed apply answers: the version being worked on (the draft the first copy saved into), and the suggestion. */
async function replayedApply(ports: QuizPorts, caller: Caller, input: { id: number; n: number }) {
  const result = await quizResult(ports, caller.portalId, input.id);
  const applied = result.suggestions.find((s) => s.n === input.n);
  const draft = await workingCopy(ports.agreements, caller.portalId);
  if (applied === undefined || draft === null) {
    throw new AppError('conflict', 'This suggestion was applied already and its draft is no longer open.');
  }
  return { draft, applied };
}
