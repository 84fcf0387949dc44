import {
  RECYCLE_CAUSES,
  type ContactEvent,
  type RecycleCause,
  type VerdictEvent,
} from '../../domain/report/report-input';
import type { StoredRecycle } from './load-lead-events';

const isCause = (value: string | null): value is RecycleCause =>
  (RECYCLE_CAUSES as readonly (string | null)[]).includes(value);

/**
 * Why a contact was recycled: the cause the SLA sweep or the rejection recorded with it. Rows recycled before
 * causes were recorded get it derived: a rejection given between qualification and recycling -> `rejected`;
 * else touched (SLA met, or a touch known in that span) -> `sla_no_progress`; else `sla_no_touch`.
 */
export function recycleCause(
  recycle: StoredRecycle,
  verdicts: readonly VerdictEvent[],
  touches: readonly ContactEvent[],
): RecycleCause {
  if (isCause(recycle.storedCause)) return recycle.storedCause;
  const since = recycle.qualifiedAt ?? Number.NEGATIVE_INFINITY;
  const within = (event: ContactEvent) =>
    event.contactId === recycle.contactId && event.at >= since && event.at <= recycle.at;
  const last = verdicts
    .filter(within)
    .sort((a, b) => a.at - b.at)
    .pop();
  if (last?.verdict === 'rejected') return 'rejected';
  if (recycle.slaStatus === 'met' || touches.some(within)) return 'sla_no_progress';
  return 'sla_no_touch';
}
