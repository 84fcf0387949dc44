import { cardResponseSchema } from '../../../src/contracts/card';
import { recordCardCapacityResponses } from './record-card-capacity-responses';
import { expectAsStored, recordBeforeAll } from './recorded-fixture-files';

/*
 * The card's note on a lead held back by capacity is tested on answers recorded from the real card routes.
 * Re-record after an intended change:
 *   RECORD_FIXTURES=1 npx jest test/http/routes/card-capacity-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the card's tests were given.
 */
const recorded = recordBeforeAll(recordCardCapacityResponses);

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
  expectAsStored(recorded);
});
