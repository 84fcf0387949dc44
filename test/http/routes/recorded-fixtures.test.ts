import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiErrorSchema } from '../../../src/contracts/api-error';
import { FIXTURE_DIRS, recordResponses, type Recorded } from './record-responses';

/*
 * The UI tests' server answers are recorded from the real handlers. Re-record after an intended API change with
 *   RECORD_FIXTURES=1 npx jest test/http/routes/recorded-fixtures.test.ts
 * Otherwise this test fails when the server no longer answers what the UI tests were given.
 */
const ROOT = path.resolve(__dirname, '../../..');
const fileOf = (r: Recorded) => path.join(ROOT, FIXTURE_DIRS[r.area], `${r.name}.json`);
const stored = (r: Recorded) => ({ status: r.status, body: r.body });

let recorded: Recorded[];
beforeAll(async () => {
  recorded = await recordResponses();
  if (process.env.RECORD_FIXTURES === '1') {
    for (const r of recorded) {
      mkdirSync(path.dirname(fileOf(r)), { recursive: true });
      writeFileSync(fileOf(r), `${JSON.stringify(stored(r), null, 2)}\n`);
    }
    // Formatted as CI's prettier --check expects.
    const dirs = Object.values(FIXTURE_DIRS).map((dir) => path.join(ROOT, dir));
    execFileSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', ...dirs], { stdio: 'ignore' });
  }
}, 60_000);

it('records every state the card and the settings page show, errors in the API error shape', () => {
  expect(recorded.map((r) => r.name)).toEqual(
    expect.arrayContaining([
      'card-scored-sales-ready',
      'agreements-active',
      'quiz-result',
      'quiz-round-open',
    ]),
  );
  for (const r of recorded.filter((x) => x.status >= 400))
    expect(apiErrorSchema.safeParse(r.body).success).toBe(true);
});

it('When the server answers differently from the recorded UI fixtures, then this fails (re-record on purpose)', () => {
  for (const r of recorded) {
    expect(existsSync(fileOf(r))).toBe(true);
    expect({ name: r.name, ...stored(r) }).toEqual({
      name: r.name,
      ...JSON.parse(readFileSync(fileOf(r), 'utf8')),
    });
  }
});
