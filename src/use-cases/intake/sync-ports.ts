import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { CheckpointsPort } from '../ports/checkpoints';
import type { ContactsPort } from '../ports/contacts';
import type { InstallationsPort } from '../ports/installations';
import type { JobsPort } from '../ports/jobs';
import type { QualificationsPort } from '../ports/qualifications';
import type { QueuedJobsPort } from '../ports/queued-jobs';
import type { Transactional } from '../ports/transactional';
import type { rescorePage } from '../rescore/rescore-page';
import type { QueueingJobs } from './intake-ports';

/** What the rescore's page logic writes through (its reads are replaced by the contacts just read). */
type PageWrites = Omit<Parameters<typeof rescorePage>[0], 'contactBatches'>;

/** What a sync (or an import page) writes in its transaction: snapshots, deletions, the qualified page, a write-back. */
export type SyncWrites = PageWrites & {
  contacts: Pick<ContactsPort, 'upsertMany' | 'remove'>;
  qualifications: Pick<QualificationsPort, 'get'>;
  jobs: Pick<JobsPort, 'enqueue' | 'list'> & Pick<QueuedJobsPort, 'waiting'>;
};

/** What a sync needs: the active agreement and the portal's language, then one write transaction. */
export interface SyncContactsStore extends Transactional<SyncWrites> {
  agreements: Pick<AgreementVersionsPort, 'active'>;
  installations: Pick<InstallationsPort, 'get'>;
}

/** What a company fan-out needs: its cursor, then per page the syncs it queues and the cursor, in one transaction. */
export interface CompanyFanOutStore extends QueueingJobs, Transactional<CompanyFanOutStore> {
  checkpoints: Pick<CheckpointsPort, 'get' | 'set' | 'delete'>;
}
