import { Text } from '@hubspot/ui-extensions';
import { cardResponseSchema } from '@lead-pact/contracts';
import type { FakeAnswer } from '../../testing/fakeBackend';
import { NOW, recordedCard } from './cardFixtures';
import { renderCard, restoreCardTest } from './cardHarness';
import heldByRoute from './fixtures/card-scored-held-by-route.json';
import heldByTotal from './fixtures/card-scored-held-by-total.json';

/*
 * Answers recorded from the real card routes (test/http/routes/record-card-capacity-responses.ts): November 2026, two
 * places in all and one of field sales' own. Director 402 (field sales) was held back by field sales' cap (1 of 1
 * taken), director 404 (inside sales) by the month's total (2 of 2).
 */
const recorded = recordedCard;

afterEach(restoreCardTest);

async function capacityNote(card: FakeAnswer, locale: string, now = NOW): Promise<string | null | undefined> {
  const renderer = renderCard(card, { locale, now });
  await renderer.waitFor(() => expect(renderer.maybeFindByTestId(Text, 'card-capacity')).not.toBeNull());
  return renderer.findByTestId(Text, 'card-capacity').text;
}

describe('the card of a lead held back by capacity', () => {
  it('names the route whose cap was full, with its places taken', async () => {
    expect(await capacityNote(recorded(heldByRoute), 'en-US')).toBe(
      'Fits the handoff, but Field sales is full for November (1 of 1), so it stays in nurture for now.',
    );
  });

  it('says sales is full when the month’s total was', async () => {
    expect(await capacityNote(recorded(heldByTotal), 'en-US')).toBe(
      'Fits the handoff, but sales is full for November (2 of 2), so it stays in nurture for now.',
    );
  });

  it('says both in Japanese', async () => {
    expect(await capacityNote(recorded(heldByRoute), 'ja-JP')).toBe(
      '引き渡し条件を満たしていますが、11月のフィールドセールスの受け入れ枠が上限に達している（1/1件）ため、ナーチャリングに留めています。',
    );
    expect(await capacityNote(recorded(heldByTotal), 'ja-JP')).toBe(
      '引き渡し条件を満たしていますが、11月の営業全体の受け入れ枠が上限に達している（2/2件）ため、ナーチャリングに留めています。',
    );
  });

  it('gives the year when the month is not this year’s, and the general note for a lead held back before routes were stored', async () => {
    expect(await capacityNote(recorded(heldByRoute), 'en-US', Date.parse('2027-02-01T00:00:00Z'))).toContain(
      'Field sales is full for November 2026 (1 of 1)',
    );
    const body = structuredClone(heldByRoute.body) as { heldBack?: unknown };
    delete body.heldBack;
    expect(await capacityNote({ status: 200, body: cardResponseSchema.parse(body) }, 'en-US')).toBe(
      "Fits the handoff, but this month's sales capacity is used up, so it stays in nurture for now.",
    );
  });
});
