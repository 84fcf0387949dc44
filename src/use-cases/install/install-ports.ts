import type { AppError } from '../../domain/app-error';
import type { TokenInfo } from '../../hubspot/introspect-token';
import type { OAuthTokens as IssuedTokens } from '../../hubspot/oauth';
import type { RevokeOutcome } from '../../hubspot/revoke-refresh-token';
import type { InstallationsPort } from '../ports/installations';
import type { JobsPort } from '../ports/jobs';
import type { Transactional } from '../ports/transactional';

/** HubSpot's OAuth endpoints, bound to the app's client id and secret (wired in src/composition/hubspot-oauth.ts). */
export interface OAuthPort {
  /** Trades an install's authorization code for tokens. */
  exchangeCode(code: string, redirectUri: string): Promise<IssuedTokens>;
  /** New tokens for a refresh token; an `unauthorized` AppError when HubSpot refuses it (revoked, uninstalled). */
  refreshAccessToken(refreshToken: string): Promise<IssuedTokens>;
  /** The portal and scopes an access token was granted for. */
  introspectAccessToken(accessToken: string): Promise<TokenInfo>;
  /** Revokes a refresh token at HubSpot. */
  revokeRefreshToken(refreshToken: string): Promise<RevokeOutcome>;
  /** True when HubSpot refused a call because the access token expired (the next attempt refreshes it). */
  expiredToken(error: AppError): boolean;
}

/** Installations read and refreshed in one write transaction (access tokens, refreshing installations). */
export interface TokenStore extends Transactional<TokenStore> {
  installations: Pick<InstallationsPort, 'get' | 'setTokens' | 'setStatus'>;
}

/** Where an install or set-up queues the portal's jobs (full import, set-up). */
export type InstallJobs = Pick<JobsPort, 'enqueue'>;
