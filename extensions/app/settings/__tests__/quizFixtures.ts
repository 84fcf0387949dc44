import {
  quizApplyResponseSchema,
  quizResultSchema,
  quizRoundListSchema,
  quizRoundViewSchema,
} from '@lead-pact/contracts';
import type { FakeAnswer } from '../../testing/fakeBackend';
import resultOneSided from './fixtures/quiz-result-one-sided.json';
import result from './fixtures/quiz-result.json';
import roundAnswered from './fixtures/quiz-round-answered.json';
import roundBothSides from './fixtures/quiz-round-both-sides.json';
import roundNoTeam from './fixtures/quiz-round-no-team.json';
import roundOpen from './fixtures/quiz-round-open.json';
import rounds from './fixtures/quiz-rounds.json';
import suggestionApplied from './fixtures/quiz-suggestion-applied.json';

type Recorded = { status: number; body: unknown };
const answer = (schema: { parse: (value: unknown) => unknown }, fixture: Recorded): FakeAnswer => ({
  status: fixture.status,
  body: schema.parse(fixture.body),
});

/*
 * Calibration quiz answers recorded from the real quiz routes by test/http/routes/record-responses.ts (re-record with
 *   RECORD_FIXTURES=1 npx jest test/http/routes/recorded-fixtures.test.ts
 * which also fails when the server no longer answers these). Re-parsed through the contract so a drift fails here too.
 * Clock 2026-11-27T09:00Z; the example agreement; eight contacts scored by the card's handler: Directors 1-4 (1,200
 * staff, software, quote click 3 days ago: A2 sales-ready, score 76) and Managers 1-4 (150 staff, retail, document
 * request 5 days ago: C3 nurture, score 35).
 *
 * Round 1 (closed by 601), eight leads, marketer 501 and sales rep 601 (Y = call this month):
 *   lead (position)   1    2    3    4    5    6    7    8
 *   who               D4   M1   D2   D3   M2   M4   M3   D1
 *   501               Y    Y    Y    Y    Y    N    N    Y      lean 6/8 = 75%
 *   601               Y    N    N    N    N    N    N    N      lean 1/8 = 12.5%
 *   verdict           A2   C3   A2   A2   C3   C3   C3   A2     (sales-ready: 1, 3, 4, 8)
 * Between the sides: yes-yes 1, yes-no 5 (leads 2, 3, 4, 5, 8 disagree), no-yes 0, no-no 2; 3 of 8 alike = 37.5%.
 *   marketing says yes to 6/8, sales to 1/8: pe = 0.75·0.125 + 0.25·0.875 = 0.3125;
 *   kappa = (0.375 − 0.3125) / (1 − 0.3125) = 0.0909; recorded SE 0.1037, 95% −0.11 to 0.29.
 * Marketing against the verdict: yes-yes 4, yes-no 2, no-no 2: 6 of 8 = 75%, kappa 0.5 (95% −0.02 to 1).
 * Sales against the verdict: yes-yes 1, no-yes 3, no-no 4: 5 of 8 = 62.5%.
 * Suggestion 1: sales said no to 3 of the 4 leads driven by the quote click: its points from 60 to 40.
 * Round 2 (closed by 501): only marketing (501) answered. Round 3 (open, started by 601, four leads): 501 answered.
 * Names: HubSpot's owners (test/fixtures/hubspot/crm-owners-quiz.json) give user 501 "Aiko Mori" and 601 "Kenji Ito".
 */
export const quizFixtures = {
  /** Rounds 3 (open, marketer 501 answered), 2 (closed, marketing only) and 1 (closed, both sides). */
  rounds: () => answer(quizRoundListSchema, rounds),
  /** Round 3 seen by sales rep 601 before answering: four blind leads. */
  roundOpen: () => answer(quizRoundViewSchema, roundOpen),
  /** Round 3 after 601 answered no, no, yes, no. */
  roundAnswered: () => answer(quizRoundViewSchema, roundAnswered),
  /** Round 3 seen by user 701, on a marketing and a sales team, before answering (must say which side). */
  roundBothSides: () => answer(quizRoundViewSchema, roundBothSides),
  /** Round 3 seen by user 801, in no marketing or sales team. */
  roundNoTeam: () => answer(quizRoundViewSchema, roundNoTeam),
  /** Round 1's result (see above). */
  result: () => answer(quizResultSchema, result),
  /** Round 2's result: closed with marketing's answers only. */
  resultOneSided: () => answer(quizResultSchema, resultOneSided),
  /** Suggestion 1 of round 1 applied: saved into draft version 2. */
  applied: () => answer(quizApplyResponseSchema, suggestionApplied),
};
