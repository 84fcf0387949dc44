import type { OAuthClient } from '../../hubspot/oauth';
import type { Store } from '../../store/create-store';
import type { Installation } from '../../store/repositories/installations-repository';
import { accessTokenForPortal } from './access-token-for-portal';

/**
 * The installations `get` port of `portalGateways`, with the access token refreshed before it expires:
 * plug it in OAuth mode so every gateway call carries a valid token.
 */
export function refreshingInstallations(
  store: Pick<Store, 'installations' | 'transaction'>,
  oauth: OAuthClient,
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
