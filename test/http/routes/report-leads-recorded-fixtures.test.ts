import { monthlyReportSchema } from '../../../src/contracts/report';
import { recordReportLeadResponses } from './record-report-lead-responses';
import { expectAsStored, recordBeforeAll } from './recorded-fixture-files';

/*
 * The report tab's HubSpot Leads section is tested on an answer recorded from the real handler. Re-record after an
 * intended change with
 *   RECORD_FIXTURES=1 npx jest test/http/routes/report-leads-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the report tab's tests were given.
 */
const recorded = recordBeforeAll(recordReportLeadResponses);

it("records November's report with its HubSpot Leads, in the contract shape", () => {
  expect(recorded.map((r) => [r.name, r.status])).toEqual([['report-leads', 200]]);
  expect(monthlyReportSchema.parse(recorded[0]!.body).leads).toEqual({
    created: 4,
    worked: 3,
    disqualified: 3,
    disqualifiedByReason: [
      { reason: 'rejected', count: 1 },
      { reason: 'rep_in_hubspot', count: 1 },
      { reason: 'sla_no_touch', count: 1 },
    ],
    converted: 1,
  });
});

it('When the server answers differently from the recorded fixture, then this fails (re-record on purpose)', () => {
  expectAsStored(recorded);
});
