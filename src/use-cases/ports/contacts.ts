import type { ContactRecord } from '../../domain/qualification';

/** A contact snapshot as stored: the properties the agreement reads and the primary company's. */
export interface StoredContact extends ContactRecord {
  hsLastModified: number | null;
  updatedAt: number;
}

/** What `upsertMany` takes per contact. */
export interface ContactSnapshot extends ContactRecord {
  hsLastModified?: number | null;
}

/** Contact snapshots per portal. */
export interface ContactsPort {
  /** Inserts or replaces snapshots. */
  upsertMany(portalId: string, contacts: readonly ContactSnapshot[], at: number): Promise<void>;
  /** One snapshot, or undefined. */
  get(portalId: string, contactId: string): Promise<StoredContact | undefined>;
  /** How many contacts a portal has stored. */
  count(portalId: string): Promise<number>;
  /** Deletion or merge in HubSpot: the snapshot goes, and so do writes not sent yet (HubSpot would reject them). */
  remove(portalId: string, contactId: string): Promise<void>;
  /** Privacy deletion: removes everything stored about one contact, in one transaction. */
  forget(portalId: string, contactId: string): Promise<void>;
}
