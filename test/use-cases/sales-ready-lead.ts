import type { StoredQualification } from '../../src/use-cases/ports/qualifications';

/** An A1 lead handed to sales at `qualifiedAt` (capacity month 2026-11), as the SLA, verdict and report tests store it. */
export function salesReadyLead(
  contactId: string,
  qualifiedAt: number,
  overrides: Partial<StoredQualification> = {},
): StoredQualification {
  return {
    contactId,
    tier: 'sales_ready',
    grade: 'A1',
    score: 90,
    stage: 'decision',
    route: 'inside_sales',
    tierReason: 'grade',
    reasons: 'fits',
    agreementVersion: 1,
    qualifiedAt,
    followUpDue: null,
    slaStatus: null,
    recycledAt: null,
    capacityMonth: '2026-11',
    criteria: [],
    ...overrides,
  };
}
