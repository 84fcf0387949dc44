import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cardResponseSchema } from '../../../src/contracts/card';
import { recordCardCapacityResponses } from './record-card-capacity-responses';
import { FIXTURE_DIRS, type Recorded } from './recorded-fixture';

/*
 * The card's note on a lead held back by capacity is tested on answers recorded from the real card routes.
 * Re-record after an intended change:
 *   RECORD_FIXTURES=1 npx jest test/http/routes/card-capacity-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the card's tests were given.
 */
const ROOT = path.resolve(__dirname, '../../..');
const fileOf = (r: Recorded) => path.join(ROOT, FIXTURE_DIRS[r.area], `${r.name}.json`);
const stored = (r: Recorded) => ({ status: r.status, body: r.body });

let recorded: Recorded[];
beforeAll(async () => {
  recorded = await recordCardCapacityResponses();
  if (process.env.RECORD_FIXTURES === '1') {
    for (const r of recorded) writeFileSync(fileOf(r), `${JSON.stringify(stored(r), null, 2)}\n`);
    execFileSync(path.join(ROOT, 'node_modules/.bin/prettier'), ['--write', ...recorded.map(fileOf)], {
      stdio: 'ignore',
    });
  }
}, 60_000);

it('When field sales is full for the month, then the held-back card names the route and its places; when the total is, sales', () => {
  const cards = recorded.map((r) => [r.name, r.status, cardResponseSchema.parse(r.body)] as const);
  expect(cards.map(([name, status, body]) => [name, status, body.state === 'scored' && body])).toEqual([
    [
      'card-scored-held-by-route',
      200,
      expect.objectContaining({
        tier: 'nurture',
        tierReason: 'capacity',
        heldBack: { month: '2026-11', route: 'field_sales', used: 1, capacity: 1 },
      }),
    ],
    [
      'card-scored-held-by-total',
      200,
      expect.objectContaining({
        tier: 'nurture',
        tierReason: 'capacity',
        heldBack: { month: '2026-11', route: null, used: 2, capacity: 2 },
      }),
    ],
  ]);
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
