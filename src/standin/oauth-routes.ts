import { randomBytes } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { StandinState } from './standin-state';

export interface StandinOAuthOptions {
  portalId: number;
  appId: number;
  /** Seconds an issued access token lives (HubSpot: 1800). */
  expiresIn: number;
}

const SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.write',
  'crm.objects.companies.read',
  'settings.users.read',
];

function badGrant(res: Response, status: string, message: string): void {
  res.status(400).json({ status, message, correlationId: randomBytes(8).toString('hex') });
}

function token(state: StandinState, options: StandinOAuthOptions) {
  const refreshTokens = new Set<string>();
  return (req: Request, res: Response) => {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    if (!form.client_id || !form.client_secret)
      return badGrant(res, 'BAD_CLIENT_ID', 'missing client credentials');
    if (form.grant_type === 'authorization_code') {
      if (!form.code || form.code === 'bad' || !form.redirect_uri) {
        return badGrant(res, 'BAD_AUTH_CODE', 'missing or unknown auth code');
      }
    } else if (form.grant_type === 'refresh_token') {
      if (
        !form.refresh_token ||
        !refreshTokens.has(form.refresh_token) ||
        state.revokedTokens.has(form.refresh_token)
      ) {
        return badGrant(res, 'BAD_REFRESH_TOKEN', 'missing or invalid refresh token');
      }
    } else {
      return badGrant(res, 'BAD_GRANT_TYPE', 'unknown grant type');
    }
    const refresh = form.refresh_token ?? `refresh-${randomBytes(12).toString('hex')}`;
    refreshTokens.add(refresh);
    res.json({
      token_type: 'bearer',
      refresh_token: refresh,
      access_token: `standin-${options.portalId}-${randomBytes(16).toString('hex')}`,
      expires_in: options.expiresIn,
    });
  };
}

/** `POST /oauth/v1/token` (authorization_code, refresh_token) and `GET /oauth/v1/access-tokens/{token}`. */
export function oauthRoutes(state: StandinState, options: StandinOAuthOptions): Router {
  const router = Router();
  router.post('/oauth/v1/token', express.urlencoded({ extended: false }), token(state, options));
  router.get('/oauth/v1/access-tokens/:token', (req, res) => {
    if (state.revokedTokens.has(req.params.token)) {
      res
        .status(404)
        .json({ status: 'error', message: 'Token not found', correlationId: randomBytes(8).toString('hex') });
      return;
    }
    res.json({
      token: req.params.token,
      user: 'standin.user@example.com',
      hub_domain: 'standin.example.com',
      scopes: SCOPES,
      hub_id: options.portalId,
      app_id: options.appId,
      expires_in: options.expiresIn,
      user_id: 1,
      token_type: 'access',
    });
  });
  return router;
}
