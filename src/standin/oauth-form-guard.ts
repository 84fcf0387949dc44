import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { OAuthRefusal } from './oauth-grants';

/** Where the stand-in's OAuth app credentials come from; unset parts accept any non-empty value. */
export interface StandinOAuthClient {
  clientId?: string;
  clientSecret?: string;
}

/** HubSpot's 2026-03 OAuth error body: RFC 6749 `error` / `error_description` beside `status` / `message`. */
export function sendOAuthError(res: Response, refusal: OAuthRefusal, httpStatus = 400): void {
  res.status(httpStatus).set('cache-control', 'no-store').json({
    status: refusal.status,
    message: refusal.description,
    correlationId: randomUUID(),
    error: refusal.error,
    error_description: refusal.description,
  });
}

/** Names that must never travel in a URL (the reason the 2026-03 endpoints exist). */
const BODY_ONLY = [
  'client_id',
  'client_secret',
  'code',
  'refresh_token',
  'token',
  'grant_type',
  'redirect_uri',
];

/**
 * Before any 2026-03 OAuth endpoint: the body must be form-encoded (JSON is refused), no parameter may ride in the
 * query string, and the client must authenticate with `client_id` and `client_secret` in the body.
 */
export function oauthFormGuard(client: StandinOAuthClient) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      const description = 'the request body must be application/x-www-form-urlencoded';
      return sendOAuthError(res, { error: 'invalid_request', description, status: 'BAD_REQUEST' });
    }
    const inQuery = BODY_ONLY.filter((name) => name in (req.query as Record<string, unknown>));
    if (inQuery.length > 0) {
      const description = `parameters must be sent in the request body, not the URL: ${inQuery.join(', ')}`;
      return sendOAuthError(res, { error: 'invalid_request', description, status: 'BAD_REQUEST' });
    }
    const form = (req.body ?? {}) as Record<string, unknown>;
    const { client_id: id, client_secret: secret } = form;
    if (typeof id !== 'string' || id === '' || typeof secret !== 'string' || secret === '') {
      const description = 'missing client_id or client_secret';
      return sendOAuthError(res, { error: 'invalid_client', description, status: 'BAD_CLIENT_ID' });
    }
    if (
      (client.clientId && id !== client.clientId) ||
      (client.clientSecret && secret !== client.clientSecret)
    ) {
      const description = 'unknown client_id or wrong client_secret';
      return sendOAuthError(res, { error: 'invalid_client', description, status: 'BAD_CLIENT_ID' });
    }
    next();
  };
}
