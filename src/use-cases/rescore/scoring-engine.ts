import type { Agreement } from '../../domain/agreement-schema';
import type { ContactRecord, ContactState, Locale, Qualification } from '../../domain/qualification';

/** The pure engine the rescore runs (the domain's qualify and renderReasons, passed in). */
export interface ScoringEngine {
  qualify(contact: ContactRecord, agreement: Agreement, now: number, state?: ContactState): Qualification;
  renderReasons(q: Qualification, locale: Locale): string;
  /** SLA first-touch deadline for a contact that became sales_ready at `qualifiedAt`; null when unknown. */
  followUpDue?(qualifiedAt: number, agreement: Agreement): number | null;
}
