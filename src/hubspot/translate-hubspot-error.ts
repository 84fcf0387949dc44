import { z } from 'zod';
import { AppError, type ErrorCode, type ErrorDetail } from '../domain/app-error';
import { nextDailyReset } from './daily-limit-reset';

export const RATE_LIMIT_POLICIES = ['TEN_SECONDLY_ROLLING', 'DAILY', 'SECONDLY'] as const;

/** The HubSpot facts an AppError carries in its details, read back by `hubspotErrorInfo`. */
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

const errorBody = z
  .object({
    message: z.string().optional(),
    category: z.string().optional(),
    errorType: z.string().optional(),
    policyName: z.string().optional(),
    correlationId: z.string().optional(),
  })
  .loose();

const sdkError = z.object({
  code: z.number(),
  body: z.unknown(),
  headers: z.record(z.string(), z.unknown()).optional(),
});

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

function retryHint(policy: string | undefined, headers: Record<string, unknown>, now: number): number {
  // Midnight UTC until the gateway knows the portal's time zone (see portal-time-zone-gateway.ts).
  if (policy === 'DAILY') return nextDailyReset(now) - now;
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  return 1000;
}

function toDetails(info: HubSpotErrorInfo): ErrorDetail[] {
  return Object.entries(info)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ path: `hubspot.${key}`, message: String(value) }));
}

/** Turns whatever the SDK (or node-fetch) threw into the app's one error type, keeping HubSpot's category and policy. */
export function translateHubSpotError(error: unknown, operation: string, now = Date.now()): AppError {
  const parsed = sdkError.safeParse(error);
  if (!parsed.success) {
    return new AppError('upstream_failed', `HubSpot could not be reached (${operation}).`, [], {
      cause: error,
    });
  }
  const { code: status, headers = {} } = parsed.data;
  const body = errorBody.safeParse(parsed.data.body);
  const fields = body.success ? body.data : {};
  const info: HubSpotErrorInfo = {
    status,
    category: fields.category ?? fields.errorType,
    policyName: fields.policyName,
    correlationId: fields.correlationId,
  };
  if (status === 429) info.retryAfterMs = retryHint(fields.policyName, headers, now);
  if (status === 429 && fields.policyName === 'DAILY') info.timeZone = 'UTC';
  const code = CODE_BY_STATUS[status] ?? 'upstream_failed';
  const message = fields.message ?? `HubSpot answered ${status}`;
  return new AppError(code, `${operation}: ${message}`, toDetails(info), { cause: error });
}

/** Reads the HubSpot facts back out of an AppError made by `translateHubSpotError`. */
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
