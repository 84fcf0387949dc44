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

/** The stage-change event of an app's own API write (`INTEGRATION`, `sourceId` its app id). */
export function stageChangedByApp(
  state: StandinState,
  sender: WebhookSender | undefined,
  leadId: string,
  stage: string,
  now: number,
): void {
  if (!sender) return;
  void sendLeadWebhook(
    state,
    sender,
    {
      leadId,
      change: { propertyName: 'hs_pipeline_stage', propertyValue: stage },
      source: { appId: sender.appId },
    },
    now,
  );
}
