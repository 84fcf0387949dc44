import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { OAUTH_PATHS, postOAuthForm, type OAuthClient } from './post-oauth-form';

export type { OAuthClient } from './post-oauth-form';

/** Scopes of DESIGN.md section 7; they must equal `auth.requiredScopes` in `app-hsmeta.json`. */
export const REQUIRED_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.write',
  'crm.objects.companies.read',
  // The users API (a user's teams decide their side of the agreement) needs it.
  'settings.users.read',
  // Names, not ids: the teams API for the settings page's team names, the owners API for the report's rep names.
  'settings.users.teams.read',
  'crm.objects.owners.read',
  // The "Qualify with Lead Pact" workflow action resumes a blocked enrollment through the callbacks API
  // (custom workflow actions reference, scope requirements:
  // https://developers.hubspot.com/docs/api-reference/latest/automation/workflow-actions/custom-action-reference).
  'automation',
] as const;
/**
 * Must equal `auth.optionalScopes` in `app-hsmeta.json`, and go in the install URL's `optional_scope`: HubSpot grants
 * an optional scope when the account has it and installs the app without it otherwise
 * (https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/scopes).
 * The Leads handoff (`handoff.createLeads`) needs HubSpot's Leads object, which only Sales Hub Professional and
 * Enterprise have, so its scopes are optional: a portal without them installs Lead Pact and simply gets no Leads.
 * Reading property definitions is documented under `crm.schemas.contacts.read`; add it to both places if a portal
 * answers the properties read with 403.
 */
export const OPTIONAL_SCOPES: readonly string[] = [
  // Create, read and move Leads (https://developers.hubspot.com/docs/api-reference/2026-03/crm/objects/leads/guide).
  'crm.objects.leads.read',
  'crm.objects.leads.write',
  // Create Lead Pact's lead properties (the handoff key, reasons, grade, route), as crm.schemas.contacts.write
  // does for its contact properties (docs/hubspot-leads-facts.md section 7).
  'crm.schemas.leads.write',
];

export const DEFAULT_AUTHORIZE_BASE_URL = 'https://app.hubspot.com';

/** Tokens as HubSpot hands them out from `POST /oauth/2026-03/token`. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  tokenType: string;
  /** The portal the tokens are for (`hub_id`, in token responses since August 2025). */
  hubId?: number;
  /** The scopes granted (`scopes`, idem). */
  scopes?: string[];
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string().default('bearer'),
  hub_id: z.number().int().positive().optional(),
  scopes: z.array(z.string()).optional(),
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

function parseTokens(body: unknown, operation: string): OAuthTokens {
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success)
    throw new AppError('upstream_failed', `${operation}: HubSpot answered with an unexpected body.`);
  const { access_token, refresh_token, expires_in, token_type, hub_id, scopes } = parsed.data;
  return {
    accessToken: access_token,
    refreshToken: refresh_token,
    expiresInSeconds: expires_in,
    tokenType: token_type,
    ...(hub_id !== undefined ? { hubId: hub_id } : {}),
    ...(scopes !== undefined ? { scopes } : {}),
  };
}

async function postToken(
  client: OAuthClient,
  operation: string,
  grant: Record<string, string>,
): Promise<OAuthTokens> {
  return parseTokens(await postOAuthForm(client, OAUTH_PATHS.token, operation, grant), operation);
}

/** Exchanges the `code` of the OAuth callback for tokens (a code is single-use at HubSpot). */
export function exchangeCode(client: OAuthClient, code: string, redirectUri: string): Promise<OAuthTokens> {
  return postToken(client, 'OAuth code exchange', {
    grant_type: 'authorization_code',
    redirect_uri: redirectUri,
    code,
  });
}

/** Gets a fresh access token; a revoked refresh token (`invalid_grant`) fails with `unauthorized`. */
export function refreshAccessToken(client: OAuthClient, refreshToken: string): Promise<OAuthTokens> {
  return postToken(client, 'OAuth token refresh', {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });
}
