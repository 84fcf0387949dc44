import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiErrorSchema } from '../../../src/contracts/api-error';
import { monthlyReportSchema } from '../../../src/contracts/report';
import { recordReportResponses } from './record-report-responses';
import { FIXTURE_DIRS, type Recorded } from './recorded-fixture';

/*
 * The report tab's server answers are recorded from the real handler. Re-record after an intended change with
 *   RECORD_FIXTURES=1 npx jest test/http/routes/report-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the report tab's tests were given.
 */
const ROOT = path.resolve(__dirname, '../../..');
const fileOf = (r: Recorded) => path.join(ROOT, FIXTURE_DIRS[r.area], `${r.name}.json`);
const stored = (r: Recorded) => ({ status: r.status, body: r.body });

let recorded: Recorded[];
beforeAll(async () => {
  recorded = await recordReportResponses();
  if (process.env.RECORD_FIXTURES === '1') {
    for (const r of recorded) writeFileSync(fileOf(r), `${JSON.stringify(stored(r), null, 2)}\n`);
    execFileSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', ...recorded.map(fileOf)], {
      stdio: 'ignore',
    });
  }
}, 60_000);

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
  for (const r of recorded) {
    expect(existsSync(fileOf(r))).toBe(true);
    expect({ name: r.name, ...stored(r) }).toEqual({
      name: r.name,
      ...JSON.parse(readFileSync(fileOf(r), 'utf8')),
    });
  }
});
