import { apiErrorSchema } from '../../../src/contracts/api-error';
import { monthlyReportSchema } from '../../../src/contracts/report';
import { recordReportResponses } from './record-report-responses';
import { expectAsStored, recordBeforeAll } from './recorded-fixture-files';

/*
 * The report tab's server answers are recorded from the real handler. Re-record after an intended change with
 *   RECORD_FIXTURES=1 npx jest test/http/routes/report-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the report tab's tests were given.
 */
const recorded = recordBeforeAll(recordReportResponses);

it('records reports in the contract shape and the refused month in the API error shape', () => {
  for (const r of recorded) {
    const schema = r.status === 200 ? monthlyReportSchema : apiErrorSchema;
    expect(schema.safeParse(r.body).success).toBe(true);
  }
  expect(recorded.map((r) => [r.name, r.status])).toEqual([
    ['report-november', 200],
    ['report-flagged', 200],
    ['report-empty', 200],
    ['report-route-caps', 200],
    ['report-bad-month', 400],
    ['report-owner-names-missing-scope', 200],
  ]);
});

it('When the server answers differently from the recorded report fixtures, then this fails (re-record on purpose)', () => {
  expectAsStored(recorded);
});
