import type { AgreementRef } from '../../contracts/card';
import type { AgreementVersion } from '../ports/agreement-versions';

/** Epoch ms as the ISO-8601 instant the API speaks. */
export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** The version, name and approval time the card shows under the verdict. */
export function agreementRef(version: AgreementVersion): AgreementRef {
  return {
    version: version.version,
    name: version.name,
    approvedAt: iso(version.approvedAt ?? version.createdAt),
  };
}
