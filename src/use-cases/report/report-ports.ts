import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { ReportReadsPort } from '../ports/report-reads';

/** What the monthly report reads: the agreement's approved versions and the report's read model. */
export interface ReportStore {
  agreements: Pick<AgreementVersionsPort, 'approved'>;
  reportReads: ReportReadsPort;
}
