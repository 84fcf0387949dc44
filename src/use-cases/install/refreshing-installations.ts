import type { Installation } from '../ports/installations';
import { accessTokenForPortal } from './access-token-for-portal';
import type { OAuthPort, TokenStore } from './install-ports';

/**
 * The installations `get` port of `portalGateways`, with the access token refreshed before it expires:
 * plug it in OAuth mode so every gateway call carries a valid token.
 */
export function refreshingInstallations(
  store: TokenStore,
  oauth: Pick<OAuthPort, 'refreshAccessToken'>,
  now: () => number = Date.now,
) {
  return {
    async get(portalId: string): Promise<Installation | undefined> {
      const installation = await store.installations.get(portalId);
      if (!installation?.tokens || installation.status !== 'connected') return installation;
      const accessToken = await accessTokenForPortal(store, portalId, now(), oauth);
      return { ...installation, tokens: { ...installation.tokens, accessToken } };
    },
  };
}
