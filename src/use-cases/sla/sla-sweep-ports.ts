import type { DbContext } from '../../store/db-context';
import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { ContactsRepository } from '../../store/repositories/contacts-repository';
import type { JobsRepository } from '../../store/repositories/jobs-repository';
import type { QualificationsRepository } from '../../store/repositories/qualifications-repository';

/** What the SLA sweep reads in the store, and the context whose transactions write each page. */
export interface SlaSweepStore {
  agreements: Pick<AgreementVersionsPort, 'active'>;
  contacts: Pick<ContactsRepository, 'get'>;
  qualifications: Pick<QualificationsRepository, 'pageInTier'>;
  jobs: Pick<JobsRepository, 'enqueue' | 'list'>;
  ctx: DbContext;
}

/** What one sweep of a portal did. */
export interface SlaSweepResult {
  checked: number;
  changed: number;
  breached: number;
  recycled: number;
}
