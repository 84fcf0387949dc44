import type { Agreement } from '../../domain/agreement-schema';
import type { PropertyMap } from '../../domain/qualification';
import { followUpDue, salesTouchAfter, shouldRecycle, slaStatus } from '../../domain/sla';
import type { StoredQualification } from '../ports/qualifications';

/** The SLA fields a sweep sets on one sales-ready contact, and the HubSpot properties that changed. */
export interface SlaChange {
  patch: Partial<
    Pick<StoredQualification, 'tier' | 'slaStatus' | 'followUpDue' | 'recycledAt' | 'tierReason'>
  >;
  properties: Record<string, string>;
  /** Set when this change recycles the lead: never touched since it qualified, or touched but no progress. */
  recycleCause?: 'sla_no_touch' | 'sla_no_progress';
}

/**
 * Due date and status from the snapshot's sales touches (a `met` status is kept: HubSpot keeps only the latest
 * touch), and recycling when the lead made no progress within `progressDays`. Only changed values are returned.
 */
export function slaChange(
  q: Pick<StoredQualification, 'qualifiedAt' | 'followUpDue' | 'slaStatus'>,
  properties: PropertyMap,
  sla: Agreement['sla'],
  now: number,
): SlaChange {
  const change: SlaChange = { patch: {}, properties: {} };
  const qualifiedAt = q.qualifiedAt ?? now;
  const dueAt = followUpDue(qualifiedAt, sla.firstTouchBusinessDays, sla);
  const status = q.slaStatus === 'met' ? 'met' : slaStatus({ properties, qualifiedAt, dueAt, now });
  if (q.followUpDue !== dueAt) {
    change.patch.followUpDue = dueAt;
    change.properties.lead_pact_follow_up_due = String(dueAt);
  }
  if (q.slaStatus !== status) {
    change.patch.slaStatus = status;
    change.properties.lead_pact_sla_status = status;
  }
  if (shouldRecycle({ properties, qualifiedAt, now, sla })) {
    Object.assign(change.patch, { tier: 'recycled', recycledAt: now, tierReason: 'recycled' });
    change.properties.lead_pact_tier = 'recycled';
    const touched = status === 'met' || salesTouchAfter(properties, qualifiedAt) !== null;
    change.recycleCause = touched ? 'sla_no_progress' : 'sla_no_touch';
  }
  return change;
}
