import type { ContactRecord, ObservedChange } from '../../domain/qualification';
import type { InstallationState } from './installations';
import type { LeadHandoff } from './leads';
import type { QualificationSummary } from './qualifications';

/** The contact's current qualification as the card reads it. */
export type CardQualification = QualificationSummary & {
  updatedAt: number;
  /** The matched criteria a rescore stored, parsed when asked (the card recomputes them when the contact is stored). */
  storedCriteria(): unknown;
};

/** What the card shows about one contact, read at once. */
export interface CardSnapshot {
  /** The portal's installation, or null when it never installed (the static-token portal may have none). */
  installation: Pick<InstallationState, 'status' | 'statusReason'> | null;
  /** The number of the portal's active agreement version; its body comes from `approvedAgreement`. */
  activeVersion: number | null;
  qualification: CardQualification | null;
  contact: ContactRecord | null;
  /** The contact's signal property changes seen through webhooks, oldest first (none without a snapshot). */
  signalHistory: ObservedChange[];
  /** The rep's latest verdict. */
  verdict: { verdict: string; reason: string | null; note: string | null; at: number } | null;
  /** The contact's latest HubSpot Lead handoff (agreements with `handoff.createLeads`), or null. */
  lead: LeadHandoff | null;
}

/** The card's read model: everything GET /api/card needs about one contact, fresh on every call. */
export interface CardSnapshotsPort {
  read(portalId: string, contactId: string): Promise<CardSnapshot>;
}
