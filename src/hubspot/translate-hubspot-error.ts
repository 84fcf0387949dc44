import { z } from 'zod';
import { AppError, type ErrorCode } from '../domain/app-error';
import { hubspotErrorDetails, type HubSpotErrorInfo } from '../use-cases/ports/hubspot-error-info';
import { nextDailyReset } from './daily-limit-reset';

// The facts an AppError carries are the port's (read back with `hubspotErrorInfo`); re-exported for callers here.
export { hubspotErrorInfo, type HubSpotErrorInfo } from '../use-cases/ports/hubspot-error-info';

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
  return new AppError(code, `${operation}: ${message}`, hubspotErrorDetails(info), { cause: error });
}
