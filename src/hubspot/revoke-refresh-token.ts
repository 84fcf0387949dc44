import { isAppError } from '../domain/app-error';
import { OAUTH_PATHS, postOAuthForm, type OAuthClient } from './post-oauth-form';

/** `revoked` now, or `already_invalid` when HubSpot no longer knew the token (uninstalled, revoked before). */
export type RevokeOutcome = 'revoked' | 'already_invalid';

/**
 * `POST /oauth/2026-03/token/revoke` with `token_type_hint=refresh_token`: the refresh token can never mint an
 * access token again. A token HubSpot refuses as `invalid_grant` is already unusable, which is what we wanted.
 */
export async function revokeRefreshToken(client: OAuthClient, refreshToken: string): Promise<RevokeOutcome> {
  try {
    await postOAuthForm(client, OAUTH_PATHS.revoke, 'OAuth token revocation', {
      token: refreshToken,
      token_type_hint: 'refresh_token',
    });
    return 'revoked';
  } catch (error) {
    if (isAppError(error, 'unauthorized')) return 'already_invalid';
    throw error;
  }
}
