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

/** A user edits a company's properties in HubSpot. */
export interface CompanyChange {
  companyId: string;
  properties: Record<string, string>;
}

/** A user associates a contact with a company (or removes the association). */
export interface AssociationChange {
  contactId: string;
  companyId: string;
  /** The contact's primary company (HubSpot-defined type 1 contact-to-company, 2 company-to-contact). */
  primary: boolean;
  removed: boolean;
}

/**
 * A change to a Lead (`0-136`) as HubSpot reports it. `source` tells who made it: a user in HubSpot (`CRM_UI`,
 * `sourceId` `userId:<id>`) or an app through the API (`INTEGRATION`, `sourceId` the app's id), as recorded from real
 * portals (docs/hubspot-leads-facts.md §6).
 */
export interface LeadChange {
  leadId: string;
  /**
   * A property change, changes of several properties at once (one event each, in one delivery, as HubSpot sends
   * the subscribed properties one update changed: the stage and the disqualification reason), or the deletion.
   */
  change:
    | { propertyName: string; propertyValue: string }
    | { properties: { propertyName: string; propertyValue: string }[] }
    | { deleted: true };
  source: { userId: string } | { appId: number };
}

/** HubSpot-defined association type ids, from each side: primary, then unlabeled. */
const TYPE_IDS = { contactToCompany: [1, 279], companyToContact: [2, 280] } as const;

/** Posts HubSpot-shaped generic events (contacts `0-1`, companies `0-2`, associations), signed with v3, to the app. */
export class WebhookSender {
  private nextEventId = 1;

  constructor(private readonly target: WebhookTarget) {}

  /** Builds the events for one change, as HubSpot would: a creation first, then one event per property. */
  eventsFor(change: ContactChange, occurredAt: number): Array<Record<string, unknown>> {
    const base = () => ({
      ...this.envelope(occurredAt),
      objectId: Number(change.contactId),
      objectTypeId: '0-1',
    });
    const events: Array<Record<string, unknown>> = [];
    if (change.created)
      events.push({ ...base(), subscriptionType: 'object.creation', changeFlag: 'CREATED' });
    for (const [propertyName, propertyValue] of Object.entries(change.properties)) {
      events.push({ ...base(), subscriptionType: 'object.propertyChange', propertyName, propertyValue });
    }
    return events;
  }

  /** A company's property changes as HubSpot sends them: one generic `object.propertyChange` per property, `0-2`. */
  companyEventsFor(change: CompanyChange, occurredAt: number): Array<Record<string, unknown>> {
    return Object.entries(change.properties).map(([propertyName, propertyValue]) => ({
      ...this.envelope(occurredAt),
      subscriptionType: 'object.propertyChange',
      objectId: Number(change.companyId),
      objectTypeId: '0-2',
      propertyName,
      propertyValue,
    }));
  }

  /**
   * An association change as HubSpot sends it: one `object.associationChange` for each side (contact to company,
   * then company to contact), naming both object types; these events carry no `objectTypeId`.
   */
  associationEventsFor(change: AssociationChange, occurredAt: number): Array<Record<string, unknown>> {
    const kind = change.primary ? 0 : 1;
    const side = (from: 'contact' | 'company') => {
      const contactFirst = from === 'contact';
      const [fromObjectId, toObjectId] = contactFirst
        ? [change.contactId, change.companyId]
        : [change.companyId, change.contactId];
      return {
        ...this.envelope(occurredAt),
        subscriptionType: 'object.associationChange',
        objectId: Number(fromObjectId),
        associationType: contactFirst ? 'CONTACT_TO_COMPANY' : 'COMPANY_TO_CONTACT',
        fromObjectId: Number(fromObjectId),
        toObjectId: Number(toObjectId),
        fromObjectTypeId: contactFirst ? '0-1' : '0-2',
        toObjectTypeId: contactFirst ? '0-2' : '0-1',
        associationTypeId: (contactFirst ? TYPE_IDS.contactToCompany : TYPE_IDS.companyToContact)[kind],
        associationCategory: 'HUBSPOT_DEFINED',
        associationRemoved: change.removed,
        isPrimaryAssociation: change.primary,
      };
    };
    return [side('contact'), side('company')];
  }

  /** One generic event for a Lead's change (`object.propertyChange` or `object.deletion`, `objectTypeId` `0-136`). */
  leadEventsFor(change: LeadChange, occurredAt: number): Array<Record<string, unknown>> {
    const source =
      'userId' in change.source
        ? { changeSource: 'CRM_UI', sourceId: `userId:${change.source.userId}` }
        : { changeSource: 'INTEGRATION', sourceId: String(change.source.appId) };
    const whats =
      'deleted' in change.change
        ? [{ subscriptionType: 'object.deletion', changeFlag: 'DELETED' }]
        : ('properties' in change.change ? change.change.properties : [change.change]).map((p) => ({
            subscriptionType: 'object.propertyChange',
            ...p,
          }));
    return whats.map((what) => ({
      ...this.envelope(occurredAt),
      ...source,
      ...what,
      objectId: Number(change.leadId),
      objectTypeId: '0-136',
      isSensitive: false,
    }));
  }

  /** The app id events are sent for (an API write of this app shows it as `sourceId`). */
  get appId(): number {
    return this.target.appId ?? 456789;
  }

  private envelope(occurredAt: number) {
    return {
      eventId: this.nextEventId++,
      subscriptionId: 1000,
      portalId: this.target.portalId,
      appId: this.appId,
      occurredAt,
      attemptNumber: 0,
      changeSource: 'CRM',
    };
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
