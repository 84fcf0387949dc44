import type { ObservedChange } from '../../domain/qualification';

/** One observed property change of one contact. */
export interface ContactSignal extends ObservedChange {
  contactId: string;
}

/** Per-contact history of signal property values seen through webhooks, so repeated conversions add up. */
export interface SignalHistoryPort {
  /** Records changes; an identical (contact, property, value, time) is kept once. */
  addMany(portalId: string, signals: readonly ContactSignal[]): Promise<void>;
  /** The history of several contacts, oldest first, keyed by contact id (contacts with none are absent). */
  forContacts(portalId: string, contactIds: readonly string[]): Promise<Map<string, ObservedChange[]>>;
}
