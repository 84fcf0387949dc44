import type { AgreementVersion } from '../ports/agreement-versions';
import { agreementRef } from './agreement-ref';
import type { ApprovedAgreement, CardPorts } from './card-ports';

/** Versions kept per process; far more than portals times the versions their contacts were scored with. */
const MAX_VERSIONS = 1000;

/**
 * `approvedAgreement` with the versions kept in memory, keyed by portal and version number, so a card reads each one
 * from the store once (the store parses its body once). Approved versions never change, and the card reads the active
 * version's *number* from the store on every request, so a newly approved version (approved by this process or
 * another) is shown on the next card without any invalidation. Drafts and proposals are never kept. Bounded: cleared
 * when full.
 */
export function approvedAgreements(
  load: (portalId: string, version: number) => Promise<AgreementVersion | null>,
): CardPorts['approvedAgreement'] {
  const kept = new Map<string, ApprovedAgreement>();
  return async (portalId, version) => {
    const key = `${portalId}:${version}`;
    const hit = kept.get(key);
    if (hit) return hit;
    const stored = await load(portalId, version);
    if (!stored) return undefined;
    const approved = { ref: agreementRef(stored), agreement: stored.body };
    if (stored.approvedAt !== null && (stored.status === 'active' || stored.status === 'superseded')) {
      if (kept.size >= MAX_VERSIONS) kept.clear();
      kept.set(key, approved);
    }
    return approved;
  };
}
