import { apiErrorSchema, monthlyReportSchema } from '@lead-pact/contracts';
import type { FakeAnswer } from '../../testing/fakeBackend';
import badMonth from './fixtures/report-bad-month.json';
import empty from './fixtures/report-empty.json';
import flagged from './fixtures/report-flagged.json';
import leads from './fixtures/report-leads.json';
import november from './fixtures/report-november.json';
import ownerNamesMissingScope from './fixtures/report-owner-names-missing-scope.json';

type Recorded = { status: number; body: unknown };
const answer = (schema: { parse: (value: unknown) => unknown }, fixture: Recorded): FakeAnswer => ({
  status: fixture.status,
  body: schema.parse(fixture.body),
});

/**
 * `GET /api/report` answers recorded from the real handler (test/http/routes/report-recorded-fixtures.test.ts),
 * re-parsed through the contract so a drifting fixture fails the test.
 */
export const recordedReports = {
  /** November 2026 of the hand-computed seed (test/use-cases/report/seed-november.ts): two months of history, reps named by HubSpot (one since deactivated). */
  november: () => answer(monthlyReportSchema, november),
  /** The same November where the token lacks crm.objects.owners.read: reps by owner id, and why. */
  ownerNamesMissingScope: () => answer(monthlyReportSchema, ownerNamesMissingScope),
  /** November 2026 where leads scored by "doc-request" converted 0/20 against 10/20 for the rest. */
  flagged: () => answer(monthlyReportSchema, flagged),
  /** November 2026 with Leads on (test/http/routes/record-report-lead-responses.ts): 4 created, 3 worked, 2 disqualified, 1 converted. */
  leads: () => answer(monthlyReportSchema, leads),
  /** A connected portal with no agreement and no leads yet. */
  empty: () => answer(monthlyReportSchema, empty),
  /** `month=2026-13`, refused with the field named. */
  badMonth: () => answer(apiErrorSchema, badMonth),
};
