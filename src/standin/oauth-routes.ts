import express, { Router, type Request, type Response } from 'express';
import { OAuthGrants, type IssuedTokens, type OAuthRefusal } from './oauth-grants';
import { authorizeRoute } from './oauth-authorize-route';
import { oauthFormGuard, sendOAuthError, type StandinOAuthClient } from './oauth-form-guard';
import type { StandinState } from './standin-state';

export interface StandinOAuthOptions {
  portalId: number;
  appId: number;
  /** Seconds an issued access token lives (HubSpot: 1800). */
  expiresIn: number;
  /** The app's credentials; unset parts accept any non-empty value (codes and tokens stay bound to a client id). */
  client?: StandinOAuthClient;
  now?: () => number;
}

type Form = Record<string, string | undefined>;

const missing = (name: string): OAuthRefusal => ({
  error: 'invalid_request',
  description: `missing ${name}`,
  status: 'BAD_REQUEST',
});

function answer(res: Response, outcome: IssuedTokens | OAuthRefusal): void {
  if ('error' in outcome) return sendOAuthError(res, outcome);
  res.set('cache-control', 'no-store').json(outcome);
}

function token(grants: OAuthGrants) {
  return (req: Request, res: Response) => {
    const form = req.body as Form;
    const clientId = form.client_id as string;
    if (!form.grant_type) return sendOAuthError(res, missing('grant_type'));
    if (form.grant_type === 'authorization_code') {
      if (!form.code) return sendOAuthError(res, missing('code'));
      if (!form.redirect_uri) return sendOAuthError(res, missing('redirect_uri'));
      return answer(res, grants.redeemCode(form.code, clientId, form.redirect_uri));
    }
    if (form.grant_type === 'refresh_token') {
      if (!form.refresh_token) return sendOAuthError(res, missing('refresh_token'));
      return answer(res, grants.refresh(form.refresh_token, clientId));
    }
    const description = `unsupported grant_type: ${form.grant_type}`;
    sendOAuthError(res, { error: 'unsupported_grant_type', description, status: 'BAD_GRANT_TYPE' });
  };
}

function introspect(grants: OAuthGrants, options: StandinOAuthOptions) {
  return (req: Request, res: Response) => {
    const form = req.body as Form;
    if (!form.token) return sendOAuthError(res, missing('token'));
    const found = grants.describe(form.token, form.client_id as string);
    if (!found)
      return sendOAuthError(res, {
        error: 'invalid_request',
        description: 'Token is invalid',
        status: 'error',
      });
    res.set('cache-control', 'no-store').json({
      token_use: found.use,
      active: true,
      token: form.token,
      hub_id: options.portalId,
      user_id: 1,
      client_id: form.client_id,
      app_id: options.appId,
      scopes: found.scopes,
      ...(found.expiresIn !== undefined
        ? { expires_in: found.expiresIn, is_private_distribution: true }
        : {}),
      token_type: found.use === 'access_token' ? 'access' : 'refresh',
      user: 'standin.user@example.com',
      hub_domain: 'standin.example.com',
    });
  };
}

function revoke(grants: OAuthGrants) {
  return (req: Request, res: Response) => {
    const form = req.body as Form;
    if (!form.token) return sendOAuthError(res, missing('token'));
    if (!grants.revoke(form.token, form.client_id as string)) {
      const description = 'missing or invalid refresh token';
      return sendOAuthError(res, { error: 'invalid_grant', description, status: 'BAD_REFRESH_TOKEN' });
    }
    res.status(204).end();
  };
}

/**
 * HubSpot's consent screen (`GET /oauth/authorize`) and the 2026-03 OAuth endpoints (`POST /oauth/2026-03/token`,
 * `/token/introspect`, `/token/revoke`), as strict as HubSpot: form bodies only, client credentials in the body,
 * single-use codes, RFC 6749 errors. The retired v1 endpoints are not served (404).
 */
export function oauthRoutes(state: StandinState, options: StandinOAuthOptions): Router {
  const now = options.now ?? Date.now;
  const grants = new OAuthGrants(
    { portalId: options.portalId, expiresIn: options.expiresIn, now },
    state.revokedTokens,
  );
  const router = Router();
  const form = [express.urlencoded({ extended: false }), oauthFormGuard(options.client ?? {})];
  router.get('/oauth/authorize', authorizeRoute(grants, options.client ?? {}));
  router.post('/oauth/2026-03/token', ...form, token(grants));
  router.post('/oauth/2026-03/token/introspect', ...form, introspect(grants, options));
  router.post('/oauth/2026-03/token/revoke', ...form, revoke(grants));
  return router;
}
