import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { ContactsPort } from '../ports/contacts';
import type { LeadsPort } from '../ports/leads';
import type { OutboxPort } from '../ports/outbox';
import type { QualificationsPort } from '../ports/qualifications';
import type { Transactional } from '../ports/transactional';
import type { LeadHandoffWrites } from '../leads/hand-over-leads';
import type { WriteBackQueue } from '../write-back/enqueue-write-back';

/**
 * What one page of SLA changes writes, all in one transaction: the new state, history, outbox and write-back job, and
 * a recycled contact's HubSpot Lead disqualified (`handoff.createLeads`).
 */
export interface SlaChangesStore extends WriteBackQueue, LeadHandoffWrites {
  qualifications: Pick<QualificationsPort, 'updateSla' | 'recordInHistory'>;
  outbox: Pick<OutboxPort, 'enqueueMany'>;
}

/** What the SLA sweep reads, and the transactions that write each page. */
export interface SlaSweepStore extends Transactional<SlaChangesStore> {
  agreements: Pick<AgreementVersionsPort, 'active'>;
  contacts: Pick<ContactsPort, 'get'>;
  qualifications: Pick<QualificationsPort, 'pageInTier'>;
  /** The contact's latest HubSpot Lead: when a rep first moved it on is a first touch. */
  leads: Pick<LeadsPort, 'latest'>;
}

/** What one sweep of a portal did. */
export interface SlaSweepResult {
  checked: number;
  changed: number;
  breached: number;
  recycled: number;
}
