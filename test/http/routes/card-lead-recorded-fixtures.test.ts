import { cardResponseSchema, verdictResponseSchema } from '../../../src/contracts/card';
import { recordCardLeadResponses } from './record-card-lead-responses';
import { expectAsStored, recordBeforeAll } from './recorded-fixture-files';

/*
 * The card's Lead section is tested on answers recorded from the real card routes. Re-record after an intended change:
 *   RECORD_FIXTURES=1 npx jest test/http/routes/card-lead-recorded-fixtures.test.ts
 * Otherwise this fails when the server no longer answers what the card's Lead tests were given.
 */
const recorded = recordBeforeAll(recordCardLeadResponses);

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
  expectAsStored(recorded);
});
