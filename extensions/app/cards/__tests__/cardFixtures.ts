import { cardResponseSchema } from '@lead-pact/contracts';
import type { FakeAnswer } from '../../testing/fakeBackend';
import noAgreement from './fixtures/card-no-agreement.json';
import notConnected from './fixtures/card-not-connected.json';
import notScored from './fixtures/card-not-scored.json';
import accepted from './fixtures/card-scored-accepted.json';
import breached from './fixtures/card-scored-breached.json';
import leadAccepted from './fixtures/card-lead-accepted.json';
import leadAttempting from './fixtures/card-lead-attempting.json';
import leadCreating from './fixtures/card-lead-creating.json';
import leadDeleted from './fixtures/card-lead-deleted.json';
import leadNew from './fixtures/card-lead-new.json';
import leadRefused from './fixtures/card-lead-refused.json';
import leadRejected from './fixtures/card-lead-rejected.json';
import leadWorked from './fixtures/card-lead-worked.json';
import leadWorkedAccepted from './fixtures/card-lead-worked-accepted.json';
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
  /** The sales-ready lead after the rep accepted it. */
  accepted,
  /** The sales-ready lead three hours past its follow-up deadline. */
  breached,
} as const;

/**
 * GET /api/card answers for the director handed over as a HubSpot Lead owned by Hana Sato
 * (test/http/routes/record-card-lead-responses.ts), in the order they happen.
 */
export const recordedLeadCards = {
  /** Handed over; Lead Pact has not created the Lead in HubSpot yet. */
  creating: leadCreating,
  /** The Lead in HubSpot, stage New. */
  created: leadNew,
  /** The rep accepted; the move to Attempting is not sent yet. */
  accepted: leadAccepted,
  /** HubSpot moved it to Attempting. */
  attempting: leadAttempting,
  /** The rep rejected it ("Only five seats"); the disqualification is not sent yet. */
  rejected: leadRejected,
  /** HubSpot refused the disqualification for good. */
  refused: leadRefused,
  /** Another contact (a customer now, disqualified) whose Lead of a month ago was deleted in HubSpot. */
  deleted: leadDeleted,
  /** A second director whose Lead the rep already moved to Connected in HubSpot, before deciding on the card. */
  worked: leadWorked,
  /** The same, accepted: the Lead stays where the rep put it. */
  workedAccepted: leadWorkedAccepted,
} as const;

/** A recorded answer, its body re-parsed through the contract schema so a drifting fixture fails the test. */
export function recordedCard(fixture: { status: number; body: unknown }): FakeAnswer {
  return { status: fixture.status, body: cardResponseSchema.parse(fixture.body) };
}
