import {
  agreementsResponseSchema,
  quizApplyResponseSchema,
  quizResultSchema,
  quizRoundListSchema,
  quizRoundViewSchema,
} from '@lead-pact/contracts';
import type { FakeAnswer } from '../../testing/fakeBackend';
import draft2 from './fixtures/agreements-draft-2.json';
import resultOneSided from './fixtures/quiz-result-one-sided.json';
import result from './fixtures/quiz-result.json';
import roundAnswered from './fixtures/quiz-round-answered.json';
import roundBothSides from './fixtures/quiz-round-both-sides.json';
import roundNoTeam from './fixtures/quiz-round-no-team.json';
import roundOpen from './fixtures/quiz-round-open.json';
import rounds from './fixtures/quiz-rounds.json';

type Recorded = { status: number; body: unknown };
const answer = (schema: { parse: (value: unknown) => unknown }, fixture: Recorded): FakeAnswer => ({
  status: fixture.status,
  body: schema.parse(fixture.body),
});

/*
 * Calibration quiz answers, in the contract's shape (src/contracts/quiz.ts) and re-parsed through it so a drifting
 * fixture fails the test. Until the quiz routes' answers are recorded from the real handlers (as
 * test/http/routes/recorded-fixtures.test.ts does for the other tabs), the results were computed from raw answers by
 * the backend's own buildQuizResult (src/domain/quiz: majorities, leans, cohensKappa, suggestEdits with the
 * dictionary's sentences) under examples/agreement.json with B3 and up handed to sales: no figure typed in by hand.
 *
 * Round 3 (closed), six leads, marketers 501 and 502, sales reps 601 and 602 (Y = call this month):
 *   lead            1   2   3   4   5   6
 *   501             Y   Y   Y   Y   Y   N      lean 5/6
 *   502             Y   Y   Y   N   Y   N      lean 4/6     marketing 9/12 = 75%
 *   601             N   N   Y   N   N   N      lean 1/6
 *   602             N   N   Y   Y   N   N      lean 2/6     sales 3/12 = 25%
 *   verdict         B2  A3  A1  D3  B3  D4     (sales-ready: 1, 2, 3, 5)
 * Lead 4 splits both sides evenly and is left out. On leads 1, 2, 3, 5 and 6 marketing's majority says Y Y Y Y N and
 * sales' N N Y N N: table yes-yes 1, yes-no 3, no-yes 0, no-no 1 (n = 5).
 *   po = 2/5 = 0.4; marketing says yes to 4/5, sales to 1/5; pe = 0.8·0.2 + 0.2·0.8 = 0.32;
 *   kappa = (0.4 − 0.32) / (1 − 0.32) = 0.08 / 0.68 = 0.1176; SE 0.1516 (Fleiss, Cohen & Everitt), 95% −0.18 to 0.41.
 * Sales against the verdict: the same table mirrored (yes-yes 1, no-yes 3, no-no 1): 40%, kappa 0.12.
 * Marketing against the verdict: 5 of 5 alike, kappa 1. One suggestion: company size 100+ from 25 to 10 points.
 */
export const quizFixtures = {
  /** Rounds 5 (open, marketer 501 answered), 4 (closed, marketing only) and 3 (closed, both sides). */
  rounds: () => answer(quizRoundListSchema, rounds),
  /** Round 5 seen by sales rep 601 before answering: four blind leads. */
  roundOpen: () => answer(quizRoundViewSchema, roundOpen),
  /** Round 5 after 601 answered no, no, yes, no. */
  roundAnswered: () => answer(quizRoundViewSchema, roundAnswered),
  /** Round 5 seen by user 701, on a marketing and a sales team, before answering (must say which side). */
  roundBothSides: () => answer(quizRoundViewSchema, roundBothSides),
  /** Round 5 seen by user 801, in no marketing or sales team. */
  roundNoTeam: () => answer(quizRoundViewSchema, roundNoTeam),
  /** Round 3's result (see above). */
  result: () => answer(quizResultSchema, result),
  /** Round 4's result: closed with marketing's answers only. */
  resultOneSided: () => answer(quizResultSchema, resultOneSided),
  /** Suggestion 1 of round 3 applied: the recorded v2 draft (its agreement document) and the suggestion. */
  applied: () => ({
    status: 200,
    body: quizApplyResponseSchema.parse({
      draft: agreementsResponseSchema.parse(draft2.body).open,
      applied: quizResultSchema.parse(result.body).suggestions[0],
    }),
  }),
};
