import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { OAUTH_PATHS, postOAuthForm, type OAuthClient } from './post-oauth-form';

/** What HubSpot says about a token: the portal, user, app and scopes it was granted for. */
export interface TokenInfo {
  hubId: number;
  userId?: number;
  appId?: number;
  scopes: string[];
  /** Seconds left (access tokens only). */
  expiresInSeconds?: number;
}

const introspection = z.object({
  active: z.boolean(),
  hub_id: z.number().int().positive(),
  user_id: z.number().int().optional(),
  app_id: z.number().int().optional(),
  scopes: z.array(z.string()),
  expires_in: z.number().optional(),
});

/**
 * `POST /oauth/2026-03/token/introspect`: which portal and scopes a token belongs to. Only needed when a token
 * response lacks `hub_id` (every token response since August 2025 carries it).
 */
export async function introspectToken(
  client: OAuthClient,
  token: string,
  tokenTypeHint: 'access_token' | 'refresh_token' = 'access_token',
): Promise<TokenInfo> {
  const operation = 'OAuth token introspection';
  const body = await postOAuthForm(client, OAUTH_PATHS.introspect, operation, {
    token,
    token_type_hint: tokenTypeHint,
  });
  const parsed = introspection.safeParse(body);
  if (!parsed.success)
    throw new AppError('upstream_failed', `${operation}: HubSpot answered with an unexpected body.`);
  const info = parsed.data;
  if (!info.active) throw new AppError('unauthorized', `${operation}: HubSpot says the token is not active.`);
  return {
    hubId: info.hub_id,
    userId: info.user_id,
    appId: info.app_id,
    scopes: info.scopes,
    expiresInSeconds: info.expires_in,
  };
}
