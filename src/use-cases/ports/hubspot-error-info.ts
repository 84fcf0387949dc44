import type { AppError, ErrorDetail } from '../../domain/app-error';

/**
 * The HubSpot facts a gateway's AppError carries in its details (`hubspot.<key>`): the gateway writes them with
 * `hubspotErrorDetails`, use-cases and jobs read them back with `hubspotErrorInfo`.
 */
export interface HubSpotErrorInfo {
  status?: number;
  category?: string;
  policyName?: string;
  correlationId?: string;
  /** How long to wait before trying again, in ms (rate limits only). */
  retryAfterMs?: number;
  /** The time zone whose midnight ends a DAILY pause (UTC until the portal's zone is applied). */
  timeZone?: string;
}

/** The details of an AppError that carries `info`. */
export function hubspotErrorDetails(info: HubSpotErrorInfo): ErrorDetail[] {
  return Object.entries(info)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ path: `hubspot.${key}`, message: String(value) }));
}

/** Reads the HubSpot facts back out of an AppError made by the gateway. */
export function hubspotErrorInfo(error: AppError): HubSpotErrorInfo {
  const read = (key: keyof HubSpotErrorInfo) =>
    error.details.find((d) => d.path === `hubspot.${key}`)?.message;
  const number = (key: keyof HubSpotErrorInfo) => (read(key) === undefined ? undefined : Number(read(key)));
  return {
    status: number('status'),
    category: read('category'),
    policyName: read('policyName'),
    correlationId: read('correlationId'),
    retryAfterMs: number('retryAfterMs'),
    timeZone: read('timeZone'),
  };
}
