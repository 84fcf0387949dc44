import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cardResponseSchema, verdictResponseSchema } from '../../../src/contracts/card';
import { recordCardLeadResponses } from './record-card-lead-responses';
import { FIXTURE_DIRS, type Recorded } from './recorded-fixture';

/*
 * The card's Lead section is tested on answers recorded from the real card routes. Re-record after an intended change:
 *   RECORD_FIXTURES=1 npx jest test/http/routes/card-lead-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the card's Lead tests were given.
 */
const ROOT = path.resolve(__dirname, '../../..');
const fileOf = (r: Recorded) => path.join(ROOT, FIXTURE_DIRS[r.area], `${r.name}.json`);
const stored = (r: Recorded) => ({ status: r.status, body: r.body });

let recorded: Recorded[];
beforeAll(async () => {
  recorded = await recordCardLeadResponses();
  if (process.env.RECORD_FIXTURES === '1') {
    for (const r of recorded) writeFileSync(fileOf(r), `${JSON.stringify(stored(r), null, 2)}\n`);
    execFileSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', ...recorded.map(fileOf)], {
      stdio: 'ignore',
    });
  }
}, 60_000);

it('records every state of the Lead section, each a scored card with its Lead', () => {
  expect(recorded.map((r) => [r.name, r.status])).toEqual([
    ['card-lead-creating', 200],
    ['card-lead-new', 200],
    ['verdict-lead-accepted', 200],
    ['card-lead-accepted', 200],
    ['card-lead-attempting', 200],
    ['card-lead-rejected', 200],
    ['card-lead-refused', 200],
    ['card-lead-deleted', 200],
    ['card-lead-worked', 200],
    ['card-lead-worked-accepted', 200],
  ]);
  for (const r of recorded) {
    if (r.name.startsWith('verdict')) expect(verdictResponseSchema.parse(r.body)).toBeTruthy();
    else expect(cardResponseSchema.parse(r.body)).toHaveProperty('lead');
  }
});

it('When the server answers differently from the recorded fixtures, then this fails (re-record on purpose)', () => {
  for (const r of recorded) {
    expect(existsSync(fileOf(r))).toBe(true);
    expect({ name: r.name, ...stored(r) }).toEqual({
      name: r.name,
      ...JSON.parse(readFileSync(fileOf(r), 'utf8')),
    });
  }
});
