import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monthlyReportSchema } from '../../../src/contracts/report';
import { recordReportLeadResponses } from './record-report-lead-responses';
import { FIXTURE_DIRS, type Recorded } from './recorded-fixture';

/*
 * The report tab's HubSpot Leads section is tested on an answer recorded from the real handler. Re-record after an
 * intended change with
 *   RECORD_FIXTURES=1 npx jest test/http/routes/report-leads-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the report tab's tests were given.
 */
const ROOT = path.resolve(__dirname, '../../..');
const fileOf = (r: Recorded) => path.join(ROOT, FIXTURE_DIRS[r.area], `${r.name}.json`);
const stored = (r: Recorded) => ({ status: r.status, body: r.body });

let recorded: Recorded[];
beforeAll(async () => {
  recorded = await recordReportLeadResponses();
  if (process.env.RECORD_FIXTURES === '1') {
    for (const r of recorded) writeFileSync(fileOf(r), `${JSON.stringify(stored(r), null, 2)}\n`);
    execFileSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', ...recorded.map(fileOf)], {
      stdio: 'ignore',
    });
  }
}, 60_000);

it("records November's report with its HubSpot Leads, in the contract shape", () => {
  expect(recorded.map((r) => [r.name, r.status])).toEqual([['report-leads', 200]]);
  expect(monthlyReportSchema.parse(recorded[0]!.body).leads).toEqual({
    created: 4,
    worked: 3,
    disqualified: 2,
    disqualifiedByReason: [
      { reason: 'rejected', count: 1 },
      { reason: 'sla_no_touch', count: 1 },
    ],
    converted: 1,
  });
});

it('When the server answers differently from the recorded fixture, then this fails (re-record on purpose)', () => {
  for (const r of recorded) {
    expect(existsSync(fileOf(r))).toBe(true);
    expect({ name: r.name, ...stored(r) }).toEqual({
      name: r.name,
      ...JSON.parse(readFileSync(fileOf(r), 'utf8')),
    });
  }
});
