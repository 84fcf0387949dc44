import { AppError, isAppError } from '../../domain/app-error';
import type { Installation } from '../ports/installations';
import type { OAuthPort, TokenStore } from './install-ports';

/** Refresh when less than this is left, so no call ever goes out with a token about to expire. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

type Outcome = { token: string } | { revoked: string };

const fresh = (installation: Installation | undefined, now: number): string | undefined => {
  const tokens = installation?.tokens;
  if (installation?.status !== 'connected' || !tokens) return undefined;
  if (tokens.expiresAt !== null && tokens.expiresAt - now < REFRESH_MARGIN_MS) return undefined;
  return tokens.accessToken;
};

function notConnected(portalId: string, installation: Installation | undefined): AppError {
  const why = installation?.statusReason ? `: ${installation.statusReason}` : '';
  return installation
    ? new AppError('unauthorized', `Portal ${portalId} is disconnected${why}; reinstall the app there.`)
    : new AppError('unauthorized', `Portal ${portalId} has not installed the app.`);
}

/**
 * A valid access token for a portal, refreshed before it expires. The refresh runs in a write transaction
 * holding the portal's row (SQLite: BEGIN IMMEDIATE; PostgreSQL: the compare-and-set UPDATE's row lock),
 * so with several workers exactly one asks HubSpot and the others re-read and reuse its token.
 * A revoked refresh token marks the portal disconnected with the reason /readyz shows.
 */
export async function accessTokenForPortal(
  store: TokenStore,
  portalId: string,
  now: number,
  oauth: Pick<OAuthPort, 'refreshAccessToken'>,
): Promise<string> {
  const current = await store.installations.get(portalId);
  const ready = fresh(current, now);
  if (ready) return ready;
  if (current?.status !== 'connected' || !current.tokens) throw notConnected(portalId, current);
  const outcome = await store.transaction(async (tx): Promise<Outcome> => {
    const seen = await tx.installations.get(portalId);
    const reuse = fresh(seen, now);
    if (reuse) return { token: reuse };
    if (seen?.status !== 'connected' || !seen.tokens) throw notConnected(portalId, seen);
    // Claim the row: an UPDATE that only matches what we read (others block here until we commit).
    const claimed = await tx.installations.setTokens(portalId, seen.tokens, now, seen.tokens.expiresAt);
    if (!claimed) {
      const winner = fresh(await tx.installations.get(portalId), now);
      if (winner) return { token: winner };
      throw new AppError('unavailable', `Portal ${portalId}: the token changed during a refresh; retry.`);
    }
    const revoke = async (reason: string): Promise<Outcome> => {
      await tx.installations.setStatus(portalId, 'disconnected', reason, now);
      return { revoked: reason };
    };
    if (!seen.tokens.refreshToken) return revoke('no refresh token is stored');
    try {
      const next = await oauth.refreshAccessToken(seen.tokens.refreshToken);
      const expiresAt = now + next.expiresInSeconds * 1000;
      await tx.installations.setTokens(portalId, { ...next, expiresAt }, now);
      return { token: next.accessToken };
    } catch (error) {
      if (!isAppError(error, 'unauthorized')) throw error;
      return revoke('HubSpot refused the refresh token (app uninstalled or access revoked)');
    }
  });
  if ('token' in outcome) return outcome.token;
  throw new AppError('unauthorized', `Portal ${portalId} is disconnected: ${outcome.revoked}.`);
}
