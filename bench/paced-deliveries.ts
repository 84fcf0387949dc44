import autocannon from 'autocannon';
import { EVENTS_PER_DELIVERY, signedDelivery } from './webhook-delivery';

/** What `sendPaced` measured: autocannon's result and the seconds the load ran. */
export interface PacedLoad {
  result: Awaited<ReturnType<typeof autocannon>>;
  seconds: number;
}

/** What a paced load sends: `eventsPerSecond` in deliveries of 100 events over `connections`, for `seconds`. */
export interface Pace {
  eventsPerSecond: number;
  connections: number;
  seconds: number;
}

/**
 * Enough signed deliveries of 100 events for `portalId` to send at the pace, numbered from `from.next` (which moves
 * past them): signed before the load starts (well inside the signature's 5 minutes), so the load generator only sends.
 */
export function signDeliveries(portalId: number, from: { next: number }, pace: Pace) {
  const perSecond = pace.eventsPerSecond / EVENTS_PER_DELIVERY;
  const count = Math.ceil(perSecond * (pace.seconds + 1)) + pace.connections;
  const signed = Array.from({ length: count }, (_, i) => signedDelivery(portalId, from.next + i));
  from.next += count;
  let taken = 0;
  // More than were signed (a slow start that autocannon catches up on): the rest are signed as they go.
  return () => signed[taken++] ?? signedDelivery(portalId, from.next++);
}

/** Sends the `signed` deliveries at the pace (autocannon's overallRate), one after the other. */
export async function sendPaced(
  url: string,
  signed: ReturnType<typeof signDeliveries>,
  pace: Pace,
): Promise<PacedLoad> {
  const setupRequest = signed;
  const started = Date.now();
  const result = await autocannon({
    url,
    connections: pace.connections,
    overallRate: pace.eventsPerSecond / EVENTS_PER_DELIVERY,
    requests: [{ method: 'POST', setupRequest }],
    duration: pace.seconds,
  });
  return { result, seconds: (Date.now() - started) / 1000 };
}
