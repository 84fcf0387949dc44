import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { LeadsPort } from '../ports/leads';
import type { ReportReadsPort } from '../ports/report-reads';

/** What the monthly report reads: the agreement's approved versions, the report's read model, the Lead counts. */
export interface ReportStore {
  agreements: Pick<AgreementVersionsPort, 'approved'>;
  reportReads: ReportReadsPort;
  leads: Pick<LeadsPort, 'countsBetween'>;
}
