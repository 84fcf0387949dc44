import { agreementShape, type Agreement } from '../../domain/agreement-schema';
import { fromJson } from '../../store/json-column';
import type { ReportDb } from './report-db';

/** An approved agreement version (active or superseded since). */
export interface ApprovedVersion {
  version: number;
  active: boolean;
  approvedAt: number;
  agreement: Agreement;
}

/** Every approved version of a portal's agreement, oldest approval first. */
export async function loadAgreementVersions({ db }: ReportDb, portalId: string): Promise<ApprovedVersion[]> {
  const rows = await db
    .selectFrom('agreement_versions')
    .select(['version', 'status', 'approved_at', 'body'])
    .where('portal_id', '=', portalId)
    .where('approved_at', 'is not', null)
    .orderBy('approved_at')
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    active: row.status === 'active',
    approvedAt: Number(row.approved_at),
    agreement: fromJson(agreementShape, row.body, `agreement_versions.body (version ${row.version})`),
  }));
}
