import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { ContactsPort } from '../ports/contacts';
import type { JobsPort } from '../ports/jobs';
import type { LeadsPort } from '../ports/leads';
import type { QueuedJobsPort } from '../ports/queued-jobs';
import type { SignalHistoryPort } from '../ports/signal-history';
import type { Transactional } from '../ports/transactional';
import type { WebhookInboxPort } from '../ports/webhook-inbox';

/** What a delivery needs: one write transaction over the inbox and the job queue. */
export interface ReceiveWebhookStore extends Transactional<ReceiveWebhookStore> {
  inbox: Pick<WebhookInboxPort, 'add'>;
  jobs: Pick<JobsPort, 'enqueue'> & Pick<QueuedJobsPort, 'waiting'>;
}

/** The job queue as queueing syncs and fan-outs uses it: the waiting jobs they join, and new ones. */
export interface QueueingJobs {
  jobs: Pick<JobsPort, 'enqueue'> & QueuedJobsPort;
}

/** What working through the inbox needs: the active agreement, then one transaction per batch. */
export interface ProcessInboxStore extends QueueingJobs, Transactional<ProcessInboxStore> {
  agreements: Pick<AgreementVersionsPort, 'active'>;
  inbox: Pick<WebhookInboxPort, 'pending' | 'markProcessed' | 'forgetContact'>;
  contacts: Pick<ContactsPort, 'remove' | 'forget'>;
  signals: Pick<SignalHistoryPort, 'addMany'>;
  /** Lead webhooks: a Lead's stage as HubSpot reports it. */
  leads: Pick<LeadsPort, 'recordStage'>;
}

/** What one inbox batch changes, inside its transaction. */
export type InboxBatchWrites = Omit<ProcessInboxStore, 'agreements'>;
