import type { Agreement } from '../../domain/agreement-schema';
import type { ContactRecord, ContactState, Locale, Qualification } from '../../domain/qualification';
import type { AgreementRef } from '../../contracts/card';
import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { CapacityPort } from '../ports/capacity';
import type { CardSnapshotsPort } from '../ports/card-snapshot';
import type { ContactsPort } from '../ports/contacts';
import type { InstallationsPort } from '../ports/installations';
import type { JobsPort } from '../ports/jobs';
import type { LeadsPort } from '../ports/leads';
import type { OutboxPort } from '../ports/outbox';
import type { QualificationsPort } from '../ports/qualifications';
import type { ContactLocksPort, RequestReceiptsPort } from '../ports/request-receipts';
import type { SignalHistoryPort } from '../ports/signal-history';
import type { Transactional } from '../ports/transactional';
import type { VerdictsPort } from '../ports/verdicts';
import type { LeadHandoffWrites } from '../leads/hand-over-leads';
import type { WriteBackQueue } from '../write-back/enqueue-write-back';
import type { CardLeadLookups } from './card-lead';

/** Where a sync of one contact is queued, once per request and while none waits (queue-contact-sync.ts). */
export interface QueueSyncStore extends Transactional<QueueSyncStore> {
  receipts: RequestReceiptsPort;
  contactLocks: ContactLocksPort;
  jobs: Pick<JobsPort, 'list' | 'enqueue'>;
}

/** What a rep's verdict reads and writes, in one transaction (record-verdict.ts). */
export interface VerdictStore extends WriteBackQueue, LeadHandoffWrites, Transactional<VerdictStore> {
  receipts: RequestReceiptsPort;
  qualifications: Pick<QualificationsPort, 'get' | 'updateSla' | 'recordInHistory'>;
  verdicts: VerdictsPort;
  outbox: Pick<OutboxPort, 'enqueueMany'>;
  /** The agreement in force: whether Lead Pact hands leads over as HubSpot Leads (`handoff.createLeads`). */
  agreements: Pick<AgreementVersionsPort, 'active'>;
  /** The contact's open HubSpot Lead, which the verdict moves on (accepted) or disqualifies (rejected). */
  leads: LeadHandoffWrites['leads'];
}

/**
 * What scoring one contact now reads and writes (score-now.ts, qualify-now.ts), with its HubSpot Lead
 * (`handoff.createLeads`: a new handoff opens one, leaving sales-ready disqualifies it).
 */
export interface ScoreNowStore extends WriteBackQueue, LeadHandoffWrites, Transactional<ScoreNowStore> {
  receipts: RequestReceiptsPort;
  contactLocks: ContactLocksPort;
  jobs: QueueSyncStore['jobs'] & WriteBackQueue['jobs'];
  agreements: Pick<AgreementVersionsPort, 'active'>;
  installations: Pick<InstallationsPort, 'state'>;
  contacts: Pick<ContactsPort, 'get'>;
  qualifications: Pick<QualificationsPort, 'get' | 'upsertMany' | 'appendHistory'>;
  signals: Pick<SignalHistoryPort, 'forContacts'>;
  outbox: Pick<OutboxPort, 'enqueueMany'>;
  capacity: Pick<CapacityPort, 'tryTakePlaces' | 'used' | 'usedByRoute'>;
}

/** Everything the card's use cases read and write; the store implements it. */
export interface CardStore extends ScoreNowStore, VerdictStore {
  cardSnapshots: CardSnapshotsPort;
  /** The contact's latest handoff as a HubSpot Lead (`handoff.createLeads`), for the card's Lead section. */
  leads: Pick<LeadsPort, 'latest' | 'close' | 'open' | 'openAmong'>;
  qualifications: Pick<
    QualificationsPort,
    'get' | 'upsertMany' | 'appendHistory' | 'updateSla' | 'recordInHistory'
  >;
  transaction<T>(fn: (tx: CardStore) => Promise<T>): Promise<T>;
}

/** An approved agreement version, parsed, with what the card says about it. */
export interface ApprovedAgreement {
  ref: AgreementRef;
  agreement: Agreement;
}

/** Everything the card use cases need, built once in the composition root. */
export interface CardPorts {
  store: CardStore;
  /** The portal of static-token mode (HUBSPOT_ACCESS_TOKEN): connected without an installation. */
  staticPortalId?: string;
  /** An approved version by number (approved versions never change, so adapters may keep them), or undefined. */
  approvedAgreement(portalId: string, version: number): Promise<ApprovedAgreement | undefined>;
  engine: {
    qualify(contact: ContactRecord, agreement: Agreement, now: number, state?: ContactState): Qualification;
    renderReasons(q: Qualification, locale: Locale): string;
  };
  clock: { now(): number };
  /** Owner names and lead stage labels from HubSpot for the card's Lead section; absent without HubSpot. */
  leadLookups?: CardLeadLookups;
}
