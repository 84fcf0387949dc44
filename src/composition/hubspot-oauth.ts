import type { AppError } from '../domain/app-error';
import { introspectToken } from '../hubspot/introspect-token';
import { exchangeCode, refreshAccessToken, type OAuthClient } from '../hubspot/oauth';
import { revokeRefreshToken } from '../hubspot/revoke-refresh-token';
import { hubspotErrorInfo } from '../use-cases/ports/hubspot-error-info';
import type { OAuthPort } from '../use-cases/install/install-ports';

/** True when HubSpot refused a call because the access token expired: the next attempt refreshes it. */
export const expiredToken = (error: AppError): boolean =>
  hubspotErrorInfo(error).category === 'EXPIRED_AUTHENTICATION';

/** HubSpot's OAuth endpoints for the install use cases, bound to the app's client id and secret. */
export function hubspotOAuth(client: OAuthClient): OAuthPort {
  return {
    exchangeCode: (code, redirectUri) => exchangeCode(client, code, redirectUri),
    refreshAccessToken: (refreshToken) => refreshAccessToken(client, refreshToken),
    introspectAccessToken: (accessToken) => introspectToken(client, accessToken, 'access_token'),
    revokeRefreshToken: (refreshToken) => revokeRefreshToken(client, refreshToken),
    expiredToken,
  };
}
