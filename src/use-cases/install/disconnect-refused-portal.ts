import type { AppError } from '../../domain/app-error';
import type { InstallationsPort } from '../ports/installations';
import type { OAuthPort } from './install-ports';

/** What /readyz and the settings page show for a portal whose token HubSpot refused. */
export const REFUSED_TOKEN_REASON = 'HubSpot refused the access token (app uninstalled or access revoked)';

/**
 * The worker's answer to a 401 on a portal job: the portal is marked disconnected and the job waits for a
 * reinstall (true). Not for a portal without an installation (the static token: its jobs fail and retry as
 * usual), nor for an expired token (the next attempt refreshes it), and a portal reinstalled while the job
 * ran keeps its new connection (the job just runs again with the new token).
 */
export function disconnectRefusedPortal(
  installations: Pick<InstallationsPort, 'get' | 'setStatus'>,
  expiredToken: OAuthPort['expiredToken'],
  now: () => number = Date.now,
) {
  return async (job: { portalId: string | null; updatedAt: number }, error: AppError): Promise<boolean> => {
    if (job.portalId === null) return false;
    const installation = await installations.get(job.portalId);
    if (!installation) return false;
    if (installation.status === 'disconnected') return true;
    if (expiredToken(error)) return false;
    if (installation.updatedAt > job.updatedAt) return true;
    await installations.setStatus(job.portalId, 'disconnected', REFUSED_TOKEN_REASON, now());
    return true;
  };
}
