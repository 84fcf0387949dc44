import type { AgreementVersionsRepository } from '../../store/repositories/agreement-versions-repository';
import type { ContactsRepository } from '../../store/repositories/contacts-repository';
import type { JobsRepository } from '../../store/repositories/jobs-repository';
import type { OutboxRepository } from '../../store/repositories/outbox-repository';
import type { QualificationsRepository } from '../../store/repositories/qualifications-repository';

/** What the SLA sweep reads and writes in the store. */
export interface SlaSweepStore {
  agreements: Pick<AgreementVersionsRepository, 'getActive'>;
  contacts: Pick<ContactsRepository, 'get'>;
  qualifications: Pick<QualificationsRepository, 'pageInTier' | 'updateSla' | 'recordInHistory'>;
  outbox: Pick<OutboxRepository, 'enqueueMany'>;
  jobs: Pick<JobsRepository, 'enqueue' | 'list'>;
}

/** What one sweep of a portal did. */
export interface SlaSweepResult {
  checked: number;
  changed: number;
  breached: number;
  recycled: number;
}
