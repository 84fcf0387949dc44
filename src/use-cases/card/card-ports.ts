import type { Agreement } from '../../domain/agreement-schema';
import type {
  ContactRecord,
  ContactState,
  Locale,
  ObservedChange,
  Qualification,
} from '../../domain/qualification';
import type { Store } from '../../store/create-store';
import type { StoredQualification } from '../../store/repositories/qualifications-repository';
import type { AgreementRef } from '../../contracts/card';

/** The parts of the store the card reads and writes. */
export type CardStore = Pick<
  Store,
  'agreements' | 'qualifications' | 'contacts' | 'signals' | 'verdicts' | 'outbox' | 'jobs' | 'transaction'
>;

/** What the card shows about one contact, read at once (see store-card-snapshot.ts). */
export interface CardSnapshot {
  connected: boolean;
  /** The number of the portal's active agreement version; its body comes from `approvedAgreement`. */
  activeVersion: number | null;
  qualification: (Omit<StoredQualification, 'criteria'> & { criteriaJson: string; updatedAt: number }) | null;
  contact: ContactRecord | null;
  /** The contact's signal property changes seen through webhooks, oldest first (none without a snapshot). */
  signalHistory: ObservedChange[];
  /** The rep's latest verdict. */
  verdict: { verdict: string; reason: string | null; note: string | null; at: number } | null;
}

/** An approved agreement version, parsed, with what the card says about it. */
export interface ApprovedAgreement {
  ref: AgreementRef;
  agreement: Agreement;
}

/** Everything the card use cases need, built once in the composition root. */
export interface CardPorts {
  store: CardStore;
  /** True when the portal installed the app (or is the static-token portal) and is not disconnected. */
  connected(portalId: string): Promise<boolean>;
  /** The language the portal's reasons are written in. */
  locale(portalId: string): Promise<Locale>;
  /** The card's data for one contact, fresh from the store on every call. */
  snapshot(portalId: string, contactId: string): Promise<CardSnapshot>;
  /** An approved version by number (approved versions never change, so adapters may keep them), or undefined. */
  approvedAgreement(portalId: string, version: number): Promise<ApprovedAgreement | undefined>;
  engine: {
    qualify(contact: ContactRecord, agreement: Agreement, now: number, state?: ContactState): Qualification;
    renderReasons(q: Qualification, locale: Locale): string;
  };
  clock: { now(): number };
}
