import type { WebhookEvent } from '../../hubspot/webhook-events';

/** A webhook event as received, before it is stored. */
export interface NewInboxEvent {
  portalId: string;
  eventId: string;
  payload: WebhookEvent;
}

/** A stored event waiting to be processed, with the inbox row that holds it. */
export interface PendingEvent {
  id: number;
  event: WebhookEvent;
}

/** The durable webhook inbox: events are stored (deduplicated by HubSpot's eventId) before the 200. */
export interface WebhookInboxPort {
  /** Stores events; duplicates are ignored. Resolves with how many were new. */
  add(events: readonly NewInboxEvent[], receivedAt: number): Promise<number>;
  /** The oldest unprocessed events of one portal, in arrival order (locked until the transaction ends). */
  pending(portalId: string, limit: number): Promise<PendingEvent[]>;
  /** Marks events processed. */
  markProcessed(ids: readonly number[], at: number): Promise<void>;
  /** Privacy deletion, inbox part: every stored event that names the contact. */
  forgetContact(portalId: string, contactId: string): Promise<void>;
}
