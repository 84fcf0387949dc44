import type { ConnectionResponse } from '../../contracts/connection';
import type { InstallationState } from '../ports/installations';

const CONNECTED: ConnectionResponse = { status: 'connected', reason: null, message: null };

/**
 * The one definition of a portal's connection: the static-token portal (HUBSPOT_ACCESS_TOKEN) is always connected,
 * installation row or not; otherwise a portal without an installation is not installed, and one is connected
 * unless it was disconnected (uninstalled, token refused, removed), which comes with its reason and what to do.
 */
export function portalConnection(
  installation: Pick<InstallationState, 'status' | 'statusReason'> | null | undefined,
  isStaticPortal: boolean,
): ConnectionResponse {
  if (isStaticPortal) return CONNECTED;
  if (!installation) return { status: 'not_installed', reason: null, message: null };
  if (installation.status === 'connected') return CONNECTED;
  return {
    status: 'disconnected',
    reason: installation.statusReason,
    message:
      'Lead Pact lost access to this HubSpot account: reinstall the app to resume scoring. Nothing is lost meanwhile.',
  };
}

/** True when Lead Pact may score and write for the portal (see `portalConnection`). */
export const isConnected = (...args: Parameters<typeof portalConnection>): boolean =>
  portalConnection(...args).status === 'connected';
