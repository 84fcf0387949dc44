import type { OAuthTokens } from '../../hubspot/oauth';
import type { OAuthPort } from './install-ports';

/** The portal an install was granted in, and the scopes granted there. */
export interface GrantedPortal {
  portalId: string;
  scopes: string[];
}

/**
 * Reads the Hub ID and scopes from the token response itself (HubSpot has included `hub_id` and `scopes` since
 * August 2025), so an install costs one request. Only a response without `hub_id` falls back to introspecting the
 * new access token; a response with `hub_id` but no `scopes` is taken to grant nothing beyond what it lists.
 */
export async function grantedPortal(
  oauth: Pick<OAuthPort, 'introspectAccessToken'>,
  tokens: OAuthTokens,
): Promise<GrantedPortal> {
  if (tokens.hubId !== undefined) return { portalId: String(tokens.hubId), scopes: tokens.scopes ?? [] };
  const info = await oauth.introspectAccessToken(tokens.accessToken);
  return { portalId: String(info.hubId), scopes: info.scopes };
}
