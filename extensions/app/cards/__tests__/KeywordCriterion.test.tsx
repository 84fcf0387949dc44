import { Tag, Text } from '@hubspot/ui-extensions';
import { cardResponseSchema, type Criterion } from '@lead-pact/contracts';
import { type FakeAnswer } from '../../testing/fakeBackend';
import { recordedCard, recordedCards } from './cardFixtures';
import { renderCard, restoreCardTest } from './cardHarness';

// The recorded sales-ready card (its role rule matched the keyword "director"), and the same answer with that
// criterion as the engine gives it for 営業部長代理 under a role rule whose group lists 部長代理 as an exception
// (test/domain/engine/keyword-exceptions.test.ts): the recorded portal's agreement has no exceptions.
const cancelledRole: Partial<Criterion> = {
  value: '営業部長代理',
  outcome: 'not_matched',
  points: 0,
  keyword: { text: '部長', cancelledBy: '部長代理' },
};

function cancelledCard(): FakeAnswer {
  const body = structuredClone(recordedCards.salesReady.body) as { criteria: Criterion[] };
  body.criteria = body.criteria.map((c) => (c.id === 'role' ? { ...c, ...cancelledRole } : c));
  return { status: 200, body: cardResponseSchema.parse(body) };
}

afterEach(restoreCardTest);

async function roleLine(card: FakeAnswer, locale: string) {
  const renderer = renderCard(card, { locale });
  await renderer.waitFor(() =>
    expect(renderer.maybeFindByTestId(Text, 'criterion-role-seen')).not.toBeNull(),
  );
  return {
    seen: renderer.findByTestId(Text, 'criterion-role-seen').text,
    outcome: renderer.findByTestId(Tag, 'criterion-role-outcome').text,
  };
}

describe('the criterion line of a keyword rule', () => {
  it('names the keyword that matched', async () => {
    expect(await roleLine(recordedCard(recordedCards.salesReady), 'en-US')).toEqual({
      seen: 'Seen: Director of IT · keyword director',
      outcome: 'Met',
    });
  });

  it('names the exception that cancelled the keyword found', async () => {
    expect(await roleLine(cancelledCard(), 'en-US')).toEqual({
      seen: 'Seen: 営業部長代理 · 部長 — cancelled by 部長代理',
      outcome: 'Not met',
    });
  });

  it('says both in Japanese', async () => {
    expect(await roleLine(recordedCard(recordedCards.salesReady), 'ja-JP')).toEqual({
      seen: '値：Director of IT · キーワード「director」に一致',
      outcome: expect.any(String),
    });
    expect(await roleLine(cancelledCard(), 'ja-JP')).toEqual({
      seen: '値：営業部長代理 · 「部長」は除外キーワード「部長代理」により対象外',
      outcome: expect.any(String),
    });
  });
});
