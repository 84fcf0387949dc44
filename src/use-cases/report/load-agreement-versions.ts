import type { Agreement } from '../../domain/agreement-schema';
import type { AgreementVersionsPort } from '../ports/agreement-versions';

/** An approved agreement version (active or superseded since). */
export interface ApprovedVersion {
  version: number;
  active: boolean;
  approvedAt: number;
  agreement: Agreement;
}

/** Every approved version of a portal's agreement, oldest approval first. */
export async function loadAgreementVersions(
  store: { agreements: Pick<AgreementVersionsPort, 'approved'> },
  portalId: string,
): Promise<ApprovedVersion[]> {
  const approved = await store.agreements.approved(portalId);
  return approved.map((version) => ({
    version: version.version,
    active: version.status === 'active',
    approvedAt: Number(version.approvedAt),
    agreement: version.body,
  }));
}
