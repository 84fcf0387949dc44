import { WEBHOOK_PATH } from '../src/http/routes/webhooks-router';
import { signHubSpotRequest } from '../src/standin/sign-hubspot-request';
import { BENCH_BASE_URL, BENCH_CLIENT_SECRET } from './bench-service-config';

/** HubSpot sends up to ~100 events per delivery. */
export const EVENTS_PER_DELIVERY = 100;

/** Contacts the bench's events are about: ids 1000 .. 1000 + BENCH_CONTACTS - 1. */
export const BENCH_CONTACTS = 5000;

/** HubSpot's raw events `first` .. `first + count - 1` (generic format): conversions of the bench's contacts. */
export function rawEvents(portalId: number, first: number, count: number, occurredAt = Date.now()) {
  return Array.from({ length: count }, (_, i) => ({
    eventId: first + i,
    subscriptionId: 1,
    portalId,
    appId: 1,
    occurredAt,
    subscriptionType: 'object.propertyChange',
    attemptNumber: 0,
    objectId: 1000 + ((first + i) % BENCH_CONTACTS),
    objectTypeId: '0-1',
    propertyName: 'recent_conversion_event_name',
    propertyValue: 'Newsletter: get a quote',
    changeSource: 'FORM',
  }));
}

/**
 * The `n`th signed delivery of 100 distinct property-change events (event ids from `firstEventId`), signed now,
 * as autocannon's `setupRequest` sends it.
 */
export function signedDelivery(portalId: number, n: number, firstEventId = 1) {
  const body = JSON.stringify(
    rawEvents(portalId, firstEventId + n * EVENTS_PER_DELIVERY, EVENTS_PER_DELIVERY),
  );
  const headers = signHubSpotRequest({
    clientSecret: BENCH_CLIENT_SECRET,
    method: 'POST',
    url: BENCH_BASE_URL + WEBHOOK_PATH,
    body,
  });
  return { method: 'POST', path: WEBHOOK_PATH, headers, body };
}
