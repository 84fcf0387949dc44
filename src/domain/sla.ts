import { DateTime } from 'luxon';
import { AppError } from './app-error';
import type { Agreement } from './agreement-schema';
import type { PropertyMap, SlaStatus } from './qualification';
import { parseDate } from './values/parse-date';
import { parseNumber } from './values/parse-number';

type Sla = Pick<Agreement['sla'], 'timezone' | 'holidays'>;

/** Lifecycle stages past lead/MQL: reaching one counts as progress. */
export const PROGRESSED_STAGES: readonly string[] = [
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
];
/** The properties that record a sales touch. */
export const SALES_TOUCH_PROPERTIES = ['notes_last_contacted', 'hs_last_sales_activity_timestamp'] as const;

function inZone(epochMs: number, timezone: string): DateTime {
  const at = DateTime.fromMillis(epochMs, { zone: timezone });
  if (!at.isValid) throw new AppError('invalid_input', `cannot place ${epochMs} in time zone ${timezone}`);
  return at;
}

/** True when the calendar day is Monday-Friday and not one of the listed holidays (`YYYY-MM-DD`). */
export function isBusinessDay(day: DateTime, holidays: readonly string[]): boolean {
  return day.weekday <= 5 && !holidays.includes(day.toISODate() ?? '');
}

/**
 * The first-touch deadline: the end (23:59:59.999, in the SLA time zone) of the Nth business day after the day the
 * lead was qualified, weekends and holidays skipped. Qualified on Friday with N = 2 -> end of Tuesday; with N = 0
 * -> end of the qualifying day, or of the next business day when that day is not one.
 */
export function followUpDue(qualifiedAt: number, businessDays: number, sla: Sla): number {
  let day = inZone(qualifiedAt, sla.timezone).startOf('day');
  let left = Math.max(0, Math.floor(businessDays));
  if (left === 0) while (!isBusinessDay(day, sla.holidays)) day = day.plus({ days: 1 });
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day, sla.holidays)) left--;
  }
  return day.endOf('day').toMillis();
}

/**
 * The earliest sales touch at or after `qualifiedAt` among the touch properties and `otherTouches` (touches known
 * outside the contact's properties: when a rep first moved the contact's HubSpot Lead on), or null. HubSpot keeps
 * only the latest touch, so a caller should keep a `met` status once reached instead of recomputing it later.
 */
export function salesTouchAfter(
  properties: PropertyMap,
  qualifiedAt: number,
  otherTouches: readonly number[] = [],
): number | null {
  let touch: number | null = null;
  const consider = (at: number) => {
    if (at >= qualifiedAt && (touch === null || at < touch)) touch = at;
  };
  for (const name of SALES_TOUCH_PROPERTIES) {
    const raw = properties[name];
    consider(typeof raw === 'string' ? parseDate(raw) : NaN);
  }
  for (const at of otherTouches) consider(at);
  return touch;
}

/**
 * SLA status of a sales-ready lead: `met` when a sales touch falls between qualification and the deadline,
 * `breached` when the deadline passed without one (or the only touch came late), `on_track` otherwise.
 */
export function slaStatus(input: {
  properties: PropertyMap;
  qualifiedAt: number;
  dueAt: number;
  now: number;
  otherTouches?: readonly number[];
}): SlaStatus {
  const touch = salesTouchAfter(input.properties, input.qualifiedAt, input.otherTouches);
  if (touch !== null) return touch <= input.dueAt ? 'met' : 'breached';
  return input.now > input.dueAt ? 'breached' : 'on_track';
}

/** True when the lead progressed: lifecycle stage past lead/MQL, or at least one associated deal. */
export function hasProgressed(properties: PropertyMap): boolean {
  const stage = properties.lifecyclestage;
  if (typeof stage === 'string' && PROGRESSED_STAGES.includes(stage.trim().toLowerCase())) return true;
  const deals =
    typeof properties.num_associated_deals === 'string' ? parseNumber(properties.num_associated_deals) : NaN;
  return deals > 0;
}

/** The instant `progressDays` calendar days after qualification, in the SLA time zone (DST-safe). */
export function progressDeadline(qualifiedAt: number, progressDays: number, timezone: string): number {
  return inZone(qualifiedAt, timezone)
    .plus({ days: Math.max(0, progressDays) })
    .toMillis();
}

/** True when a sales-ready lead made no progress within `progressDays` of qualification: recycle it. */
export function shouldRecycle(input: {
  properties: PropertyMap;
  qualifiedAt: number;
  now: number;
  sla: Pick<Agreement['sla'], 'progressDays' | 'timezone'>;
}): boolean {
  if (hasProgressed(input.properties)) return false;
  return input.now > progressDeadline(input.qualifiedAt, input.sla.progressDays, input.sla.timezone);
}

/** Why the SLA recycles a lead: never touched since it qualified, or touched but no progress. */
export type SlaRecycleCause = 'sla_no_touch' | 'sla_no_progress';

/** What the SLA says about one sales-ready lead at `now`. */
export interface SlaAssessment {
  /** The first-touch deadline (`lead_pact_follow_up_due`). */
  dueAt: number;
  status: SlaStatus;
  /** The earliest sales touch at or after qualification, null when none is known. */
  touchAt: number | null;
  /** Set when the lead is to be recycled now. */
  recycle: SlaRecycleCause | null;
}

/**
 * The SLA rules applied to one sales-ready lead, as the service's sweep and `simulate`'s recycling preview both
 * apply them: the due date, the status from the sales touches (a `met` status is kept: HubSpot keeps only the
 * latest touch), and recycling when the lead made no progress within `progressDays` (with its cause).
 */
export function assessSla(input: {
  properties: PropertyMap;
  qualifiedAt: number;
  /** The status recorded before, if any (only `met` matters: it is kept). */
  previous: string | null;
  sla: Agreement['sla'];
  now: number;
  /** When a rep first moved the contact's HubSpot Lead on (null: never, or no Lead): a touch like a sales activity. */
  leadWorkedAt?: number | null;
}): SlaAssessment {
  const { properties, qualifiedAt, sla, now } = input;
  const otherTouches = input.leadWorkedAt == null ? [] : [input.leadWorkedAt];
  const dueAt = followUpDue(qualifiedAt, sla.firstTouchBusinessDays, sla);
  const status =
    input.previous === 'met' ? 'met' : slaStatus({ properties, qualifiedAt, dueAt, now, otherTouches });
  const touchAt = salesTouchAfter(properties, qualifiedAt, otherTouches);
  let recycle: SlaRecycleCause | null = null;
  if (shouldRecycle({ properties, qualifiedAt, now, sla })) {
    recycle = status === 'met' || touchAt !== null ? 'sla_no_progress' : 'sla_no_touch';
  }
  return { dueAt, status, touchAt, recycle };
}
