import { DISQUALIFICATION_REASON } from './lead-state';
import type { StandinState } from './standin-state';
import type { LeadChange, WebhookSender } from './webhook-sender';

/**
 * Sends the webhook of a Lead's change, when the stand-in has a webhook target. HubSpot delivers after the write is
 * answered; so does the stand-in: the delivery runs on its own and tests await `webhooksDelivered`. Resolves with the
 * app's status (0 when it could not be reached) and the event ids.
 */
export function sendLeadWebhook(
  state: StandinState,
  sender: WebhookSender | undefined,
  change: LeadChange,
  now: number,
): Promise<{ status: number; eventIds: unknown[] }> | undefined {
  if (!sender) return undefined;
  const events = sender.leadEventsFor(change, now);
  const delivery = sender
    .send(events, now)
    .catch(() => 0)
    .then((status) => ({ status, eventIds: events.map((event) => event.eventId) }));
  state.leads.deliveries.add(delivery);
  void delivery.finally(() => state.leads.deliveries.delete(delivery));
  return delivery;
}

/**
 * The lead properties Lead Pact's app subscribes to (extensions/app/webhooks/webhooks-hsmeta.json): HubSpot sends
 * one event per subscribed property an update changed, and nothing for the others.
 */
export const SUBSCRIBED_LEAD_PROPERTIES = ['hs_pipeline_stage', DISQUALIFICATION_REASON] as const;

/** The subscribed properties whose value differs between `before` and `after`, as events name them. */
export function subscribedChanges(
  before: Readonly<Record<string, string | null | undefined>>,
  after: Readonly<Record<string, string | null | undefined>>,
): { propertyName: string; propertyValue: string }[] {
  return SUBSCRIBED_LEAD_PROPERTIES.filter((name) => (after[name] ?? '') !== (before[name] ?? '')).map(
    (name) => ({ propertyName: name, propertyValue: after[name] ?? '' }),
  );
}

/**
 * The events of an app's own API write (`INTEGRATION`, `sourceId` its app id): one per subscribed property it
 * changed (the stage, the disqualification reason), in one delivery.
 */
export function changedByApp(
  state: StandinState,
  sender: WebhookSender | undefined,
  leadId: string,
  before: Readonly<Record<string, string | null | undefined>>,
  after: Readonly<Record<string, string | null | undefined>>,
  now: number,
): void {
  const properties = subscribedChanges(before, after);
  if (!sender || properties.length === 0) return;
  void sendLeadWebhook(
    state,
    sender,
    { leadId, change: { properties }, source: { appId: sender.appId } },
    now,
  );
}
