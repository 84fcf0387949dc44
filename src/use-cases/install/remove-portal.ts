import { AppError } from '../../domain/app-error';
import type { RevokeOutcome } from '../../hubspot/revoke-refresh-token';
import type { InstallationsPort } from '../ports/installations';
import type { OAuthPort } from './install-ports';

/** What removing a portal needs: its installation, and HubSpot's revocation of a refresh token. */
export interface RemovePortalDeps {
  installations: Pick<InstallationsPort, 'get' | 'removeTokens'>;
  revokeRefreshToken: OAuthPort['revokeRefreshToken'];
}

/** What became of the portal's tokens. */
export interface RemovedPortal {
  portalId: string;
  /** `revoked` now, `already_invalid` (HubSpot no longer knew it), or `none` (no refresh token was stored). */
  refreshToken: RevokeOutcome | 'none';
}

/** The reason /readyz and the settings page show for a removed portal. */
export const REMOVED_REASON = 'removed from Lead Pact; its tokens were revoked at HubSpot and erased';

/**
 * Removes a portal from Lead Pact: revokes its refresh token at HubSpot first (so it can never mint an access
 * token again), then erases the stored tokens and marks the portal disconnected. If HubSpot cannot be reached the
 * tokens stay stored and the removal fails, to be retried: erasing them first would leave a live token nobody can
 * revoke. Contacts, agreements and history are kept; a reinstall reconnects the portal.
 */
export async function removePortal(
  deps: RemovePortalDeps,
  portalId: string,
  now: number,
): Promise<RemovedPortal> {
  const installation = await deps.installations.get(portalId);
  if (!installation)
    throw new AppError('not_found', `Portal ${portalId} has not installed Lead Pact: nothing to remove.`);
  const refreshToken = installation.tokens?.refreshToken;
  const outcome = refreshToken ? await deps.revokeRefreshToken(refreshToken) : 'none';
  await deps.installations.removeTokens(portalId, REMOVED_REASON, now);
  return { portalId, refreshToken: outcome };
}
