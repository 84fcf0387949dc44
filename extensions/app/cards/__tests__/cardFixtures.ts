import { cardResponseSchema, scoredCardSchema, type ScoredCard } from '@lead-pact/contracts';
import type { FakeAnswer } from '../../testing/fakeBackend';
import noAgreement from './fixtures/card-no-agreement.json';
import notConnected from './fixtures/card-not-connected.json';
import notScored from './fixtures/card-not-scored.json';
import disqualified from './fixtures/card-scored-disqualified.json';
import rejected from './fixtures/card-scored-rejected.json';
import salesReady from './fixtures/card-scored-sales-ready.json';

/**
 * The "now" the server answers were recorded at (test/http/routes/recorded-fixtures.test.ts):
 * 2026-11-27 09:00 UTC (18:00 in Tokyo). Pinning Date.now to it keeps the countdowns as recorded.
 */
export const NOW = Date.parse('2026-11-27T09:00:00Z');

/** GET /api/card answers recorded from the real card handler, by state. */
export const recordedCards = {
  noAgreement,
  notConnected,
  notScored,
  salesReady,
  rejected,
  disqualified,
} as const;

/** A recorded answer, its body re-parsed through the contract schema so a drifting fixture fails the test. */
export function recordedCard(fixture: { status: number; body: unknown }): FakeAnswer {
  return { status: fixture.status, body: cardResponseSchema.parse(fixture.body) };
}

/**
 * The recorded sales-ready card with `overrides` on top, for states the recording has no contact for
 * (a missed deadline, a card after acceptance).
 */
export function salesReadyCard(overrides: Partial<ScoredCard> = {}): FakeAnswer {
  return { status: 200, body: scoredCardSchema.parse({ ...salesReady.body, ...overrides }) };
}
