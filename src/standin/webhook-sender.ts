import { signHubSpotRequest } from './sign-hubspot-request';

export interface WebhookTarget {
  /** Where the app listens, e.g. http://127.0.0.1:3000/webhooks/hubspot */
  targetUrl: string;
  clientSecret: string;
  /** The public URL the app rebuilds from PUBLIC_BASE_URL; HubSpot signs this one. Defaults to targetUrl. */
  signedUrl?: string;
  appId?: number;
  portalId: number;
}

export interface ContactChange {
  contactId: string;
  created: boolean;
  properties: Record<string, string>;
}

/** Posts HubSpot-shaped generic contact events (`object.*`, objectTypeId 0-1), signed with v3, to the app. */
export class WebhookSender {
  private nextEventId = 1;

  constructor(private readonly target: WebhookTarget) {}

  /** Builds the events for one change, as HubSpot would: a creation first, then one event per property. */
  eventsFor(change: ContactChange, occurredAt: number): Array<Record<string, unknown>> {
    const base = () => ({
      eventId: this.nextEventId++,
      subscriptionId: 1000,
      portalId: this.target.portalId,
      appId: this.target.appId ?? 456789,
      occurredAt,
      attemptNumber: 0,
      objectId: Number(change.contactId),
      objectTypeId: '0-1',
      changeSource: 'CRM',
    });
    const events: Array<Record<string, unknown>> = [];
    if (change.created)
      events.push({ ...base(), subscriptionType: 'object.creation', changeFlag: 'CREATED' });
    for (const [propertyName, propertyValue] of Object.entries(change.properties)) {
      events.push({ ...base(), subscriptionType: 'object.propertyChange', propertyName, propertyValue });
    }
    return events;
  }

  /** Sends one request with the given events; resolves with the app's HTTP status. */
  async send(events: Array<Record<string, unknown>>, now = Date.now()): Promise<number> {
    const body = JSON.stringify(events);
    const headers = signHubSpotRequest({
      clientSecret: this.target.clientSecret,
      method: 'POST',
      url: this.target.signedUrl ?? this.target.targetUrl,
      body,
      timestamp: now,
    });
    const response = await fetch(this.target.targetUrl, { method: 'POST', headers, body });
    await response.arrayBuffer();
    return response.status;
  }
}
