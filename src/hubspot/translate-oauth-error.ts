import { z } from 'zod';
import { AppError, type ErrorCode } from '../domain/app-error';
import { translateHubSpotError } from './translate-hubspot-error';

/**
 * An OAuth error body of the 2026-03 endpoints: RFC 6749 `error` / `error_description` beside HubSpot's own
 * `status` / `message` / `correlationId` (the legacy fields stay for compatibility).
 */
const oauthErrorBody = z
  .object({
    error: z.string().optional(),
    error_description: z.string().optional(),
    status: z.string().optional(),
    message: z.string().optional(),
    correlationId: z.string().optional(),
  })
  .loose();

/** Legacy `status` values that mean the same as `invalid_grant`: the code or refresh token is gone. */
const GONE_GRANTS = new Set(['BAD_AUTH_CODE', 'BAD_REFRESH_TOKEN']);
const BAD_CLIENT = new Set(['BAD_CLIENT_ID', 'BAD_CLIENT_SECRET']);

function codeFor(error: string | undefined, status: string | undefined): ErrorCode {
  // The grant is gone (used or unknown code, revoked refresh token): not our input, the portal must reinstall.
  if (error === 'invalid_grant' || (status !== undefined && GONE_GRANTS.has(status))) return 'unauthorized';
  return 'upstream_failed';
}

function explain(error: string | undefined, status: string | undefined, text: string): string {
  if (error === 'invalid_client' || (status !== undefined && BAD_CLIENT.has(status)))
    return `HubSpot refused this service's client credentials (${text}); check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET`;
  return error ? `${error}: ${text}` : text;
}

/**
 * Turns a refused OAuth request into an AppError: `invalid_grant` (or its legacy statuses) becomes `unauthorized`,
 * anything else `upstream_failed` naming HubSpot's `error`; 429 and 5xx keep HubSpot's rate-limit handling.
 */
export function translateOAuthError(
  httpStatus: number,
  body: unknown,
  headers: Record<string, string>,
  operation: string,
): AppError {
  if (httpStatus === 429 || httpStatus >= 500)
    return translateHubSpotError({ code: httpStatus, body, headers }, operation);
  const parsed = oauthErrorBody.safeParse(body);
  const fields = parsed.success ? parsed.data : {};
  const text = fields.error_description ?? fields.message ?? `HubSpot answered ${httpStatus}`;
  const details = [
    { path: 'hubspot.status', message: String(httpStatus) },
    { path: 'hubspot.category', message: fields.error ?? fields.status ?? 'unknown' },
    ...(fields.correlationId ? [{ path: 'hubspot.correlationId', message: fields.correlationId }] : []),
  ];
  const code = codeFor(fields.error, fields.status);
  return new AppError(code, `${operation}: ${explain(fields.error, fields.status, text)}`, details);
}
