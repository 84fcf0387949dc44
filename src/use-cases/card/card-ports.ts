import type { Agreement } from '../../domain/agreement-schema';
import type { ContactRecord, ContactState, Locale, Qualification } from '../../domain/qualification';
import type { Store } from '../../store/create-store';

/** The parts of the store the card reads and writes. */
export type CardStore = Pick<
  Store,
  'agreements' | 'qualifications' | 'contacts' | 'signals' | 'verdicts' | 'outbox' | 'jobs' | 'transaction'
>;

/** Everything the card use cases need, built once in the composition root. */
export interface CardPorts {
  store: CardStore;
  /** True when the portal installed the app (or is the static-token portal) and is not disconnected. */
  connected(portalId: string): Promise<boolean>;
  /** The language the portal's reasons are written in. */
  locale(portalId: string): Promise<Locale>;
  /** When the contact's current qualification was written (epoch ms), or null. */
  scoredAt(portalId: string, contactId: string): Promise<number | null>;
  engine: {
    qualify(contact: ContactRecord, agreement: Agreement, now: number, state?: ContactState): Qualification;
    renderReasons(q: Qualification, locale: Locale): string;
  };
  clock: { now(): number };
}
