import type { Agreement } from '../../domain/agreement-schema';
import type { PropertyMap } from '../../domain/qualification';
import { assessSla, type SlaRecycleCause } from '../../domain/sla';
import type { StoredQualification } from '../ports/qualifications';

/** The SLA fields a sweep sets on one sales-ready contact, and the HubSpot properties that changed. */
export interface SlaChange {
  patch: Partial<
    Pick<StoredQualification, 'tier' | 'slaStatus' | 'followUpDue' | 'recycledAt' | 'tierReason'>
  >;
  properties: Record<string, string>;
  /** Set when this change recycles the lead: never touched since it qualified, or touched but no progress. */
  recycleCause?: SlaRecycleCause;
}

/**
 * Due date and status from the snapshot's sales touches and the contact's HubSpot Lead (a rep moving it on is a
 * touch too; a `met` status is kept: HubSpot keeps only the latest touch), and recycling when the lead made no
 * progress within `progressDays`. Only changed values are returned.
 */
export function slaChange(
  q: Pick<StoredQualification, 'qualifiedAt' | 'followUpDue' | 'slaStatus'>,
  properties: PropertyMap,
  sla: Agreement['sla'],
  now: number,
  leadWorkedAt: number | null = null,
): SlaChange {
  const change: SlaChange = { patch: {}, properties: {} };
  const qualifiedAt = q.qualifiedAt ?? now;
  const previous = q.slaStatus;
  const { dueAt, status, recycle } = assessSla({ properties, qualifiedAt, previous, sla, now, leadWorkedAt });
  if (q.followUpDue !== dueAt) {
    change.patch.followUpDue = dueAt;
    change.properties.lead_pact_follow_up_due = String(dueAt);
  }
  if (q.slaStatus !== status) {
    change.patch.slaStatus = status;
    change.properties.lead_pact_sla_status = status;
  }
  if (recycle) {
    Object.assign(change.patch, { tier: 'recycled', recycledAt: now, tierReason: 'recycled' });
    change.properties.lead_pact_tier = 'recycled';
    change.recycleCause = recycle;
  }
  return change;
}
