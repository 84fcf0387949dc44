import type { ContactRecord } from '../../domain/qualification';
import type { QualificationSummary } from './qualifications';

/** A contact with its current qualification (without criteria), as batch work reads it. */
export interface ContactWithQualification {
  contact: ContactRecord;
  current: QualificationSummary | null;
}

/** Big-batch reads for rescoring: contacts in id order with their current qualification. The store implements it. */
export interface ContactBatchesPort {
  /** Up to `limit` contacts after `afterId` (null = from the start), in id order. */
  page(portalId: string, afterId: string | null, limit: number): Promise<ContactWithQualification[]>;
}
