import { apiErrorSchema } from '../../../src/contracts/api-error';
import { recordResponses } from './record-responses';
import { expectAsStored, recordBeforeAll } from './recorded-fixture-files';

/*
 * The UI tests' server answers are recorded from the real handlers. Re-record after an intended API change with
 *   RECORD_FIXTURES=1 npx jest test/http/routes/recorded-fixtures.test.ts
 * Otherwise this test fails when the server no longer answers what the UI tests were given.
 */
const recorded = recordBeforeAll(recordResponses);

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
  expectAsStored(recorded);
});
