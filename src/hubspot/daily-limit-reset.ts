import { DateTime } from 'luxon';
import { AppError, isAppError } from '../domain/app-error';

/**
 * When HubSpot's daily request limit resets after `now`: "at midnight based on the time zone setting of the
 * HubSpot account" (HubSpot's API usage guidelines). An unknown or invalid zone counts as UTC.
 */
export function nextDailyReset(now: number, timeZone = 'UTC'): number {
  const local = DateTime.fromMillis(now, { zone: timeZone });
  if (!local.isValid) return nextDailyReset(now, 'UTC');
  // Midnight of the next local day, whatever the length of this one (daylight saving changes).
  return local.startOf('day').plus({ days: 1 }).toMillis();
}

const isDaily = (error: AppError) =>
  error.details.some((d) => d.path === 'hubspot.policyName' && d.message === 'DAILY');

/** A DAILY 429 re-timed to midnight in `timeZone` (and saying which zone); any other error as it was. */
export function dailyResetIn(error: unknown, timeZone: string, now: number): unknown {
  if (!isAppError(error, 'rate_limited') || !isDaily(error)) return error;
  const others = error.details.filter(
    (d) => d.path !== 'hubspot.retryAfterMs' && d.path !== 'hubspot.timeZone',
  );
  return new AppError(
    error.code,
    error.message,
    [
      ...others,
      { path: 'hubspot.retryAfterMs', message: String(nextDailyReset(now, timeZone) - now) },
      { path: 'hubspot.timeZone', message: timeZone },
    ],
    { cause: error.cause },
  );
}
