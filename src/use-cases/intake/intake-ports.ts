import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { ContactsPort } from '../ports/contacts';
import type { JobsPort } from '../ports/jobs';
import type { LeadsPort } from '../ports/leads';
import type { OutboxPort } from '../ports/outbox';
import type { QualificationsPort } from '../ports/qualifications';
import type { QueuedJobsPort } from '../ports/queued-jobs';
import type { SignalHistoryPort } from '../ports/signal-history';
import type { Transactional } from '../ports/transactional';
import type { VerdictsPort } from '../ports/verdicts';
import type { WebhookInboxPort } from '../ports/webhook-inbox';

/** What a delivery needs: one write transaction over the inbox and the job queue. */
export interface ReceiveWebhookStore extends Transactional<ReceiveWebhookStore> {
  inbox: Pick<WebhookInboxPort, 'add'>;
  jobs: Pick<JobsPort, 'enqueue'> & Pick<QueuedJobsPort, 'waiting'>;
}

/**
 * The job queue as queueing syncs and fan-outs uses it: the waiting jobs they join, and new ones (and the queued
 * write-back a rep's disqualification in HubSpot joins).
 */
export interface QueueingJobs {
  jobs: Pick<JobsPort, 'enqueue' | 'list'> & QueuedJobsPort;
}

/** What working through the inbox needs: the active agreement, then one transaction per batch. */
export interface ProcessInboxStore extends QueueingJobs, Transactional<ProcessInboxStore> {
  agreements: Pick<AgreementVersionsPort, 'active'>;
  inbox: Pick<WebhookInboxPort, 'pending' | 'markProcessed' | 'forgetContact'>;
  contacts: Pick<ContactsPort, 'remove' | 'forget'>;
  signals: Pick<SignalHistoryPort, 'addMany'>;
  /** Lead webhooks: a Lead's stage as HubSpot reports it, a rep's disqualification closing the handoff. */
  leads: Pick<LeadsPort, 'recordStage' | 'disqualifiedInHubSpot' | 'byLeadId'>;
  /** A rep's disqualification in HubSpot is recorded like a rejection on the card (writeVerdict). */
  qualifications: Pick<QualificationsPort, 'get' | 'updateSla' | 'recordInHistory'>;
  verdicts: Pick<VerdictsPort, 'add'>;
  outbox: Pick<OutboxPort, 'enqueueMany'>;
}

/** What one inbox batch changes, inside its transaction. */
export type InboxBatchWrites = Omit<ProcessInboxStore, 'agreements'>;
