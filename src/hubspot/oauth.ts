import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { AccessTokenInfo } from './hubspot-gateway';
import { endpoint, fetchHubSpotJson } from './fetch-hubspot-json';

/** Scopes of DESIGN.md section 7; they must equal `auth.requiredScopes` in `app-hsmeta.json`. */
export const REQUIRED_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.write',
  'crm.objects.companies.read',
  // The users API (a user's teams decide their side of the agreement) needs it.
  'settings.users.read',
] as const;
/**
 * Must equal `auth.optionalScopes` in `app-hsmeta.json` (empty today). Reading property definitions is documented
 * under `crm.schemas.contacts.read`; add it to both places if a portal answers the properties read with 403.
 */
export const OPTIONAL_SCOPES: readonly string[] = [];

export const DEFAULT_AUTHORIZE_BASE_URL = 'https://app.hubspot.com';

export interface OAuthClient {
  /** HUBSPOT_API_BASE_URL, e.g. https://api.hubapi.com */
  apiBaseUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Tokens as HubSpot hands them out from `POST /oauth/v1/token`. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  tokenType: string;
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string().default('bearer'),
});

const tokenInfoResponse = z.object({
  hub_id: z.number().int(),
  user: z.string().optional(),
  user_id: z.number().int().optional(),
  app_id: z.number().int().optional(),
  scopes: z.array(z.string()).default([]),
  expires_in: z.number().optional(),
  token_type: z.string().optional(),
});

/** The HubSpot install URL a portal admin is redirected to. */
export function buildAuthorizeUrl(options: {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes?: readonly string[];
  optionalScopes?: readonly string[];
  authorizeBaseUrl?: string;
}): string {
  const url = new URL('/oauth/authorize', options.authorizeBaseUrl ?? DEFAULT_AUTHORIZE_BASE_URL);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('scope', (options.scopes ?? REQUIRED_SCOPES).join(' '));
  const optional = options.optionalScopes ?? OPTIONAL_SCOPES;
  if (optional.length > 0) url.searchParams.set('optional_scope', optional.join(' '));
  url.searchParams.set('state', options.state);
  return url.toString();
}

function parseTokens(body: unknown): OAuthTokens {
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success)
    throw new AppError('upstream_failed', 'HubSpot answered the token request with an unexpected body.');
  const { access_token, refresh_token, expires_in, token_type } = parsed.data;
  return {
    accessToken: access_token,
    refreshToken: refresh_token,
    expiresInSeconds: expires_in,
    tokenType: token_type,
  };
}

async function postToken(
  client: OAuthClient,
  operation: string,
  grant: Record<string, string>,
): Promise<OAuthTokens> {
  const form = new URLSearchParams({
    ...grant,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  const body = await fetchHubSpotJson(endpoint(client.apiBaseUrl, '/oauth/v1/token'), operation, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: form.toString(),
  });
  return parseTokens(body);
}

/** Exchanges the `code` of the OAuth callback for tokens. */
export function exchangeCode(client: OAuthClient, code: string, redirectUri: string): Promise<OAuthTokens> {
  return postToken(client, 'OAuth code exchange', {
    grant_type: 'authorization_code',
    redirect_uri: redirectUri,
    code,
  });
}

/** Gets a fresh access token; a revoked refresh token fails with `unauthorized`. */
export function refreshAccessToken(client: OAuthClient, refreshToken: string): Promise<OAuthTokens> {
  return postToken(client, 'OAuth token refresh', {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });
}

/** Which portal (hub_id), user and scopes an access token belongs to. */
export async function getAccessTokenInfo(apiBaseUrl: string, accessToken: string): Promise<AccessTokenInfo> {
  const url = endpoint(apiBaseUrl, `/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`);
  const parsed = tokenInfoResponse.safeParse(await fetchHubSpotJson(url, 'OAuth token info'));
  if (!parsed.success)
    throw new AppError('upstream_failed', 'HubSpot answered the token info request unexpectedly.');
  const info = parsed.data;
  return {
    hubId: info.hub_id,
    userId: info.user_id,
    user: info.user,
    appId: info.app_id,
    scopes: info.scopes,
    expiresInSeconds: info.expires_in,
    tokenType: info.token_type,
  };
}
