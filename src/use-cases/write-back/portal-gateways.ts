import { AppError } from '../../domain/app-error';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { InstallationsPort } from '../ports/installations';

/** How to reach HubSpot: one static token for one portal, or each installation's stored OAuth token. */
export interface PortalGatewaySources {
  staticToken?: { portalId: string; accessToken: string };
  installations: Pick<InstallationsPort, 'get'>;
  /** Builds a gateway around a token source (the composition root passes `createApiClientGateway`). */
  create: (accessToken: string | (() => Promise<string>)) => HubSpotGateway;
}

/** A gateway per portal; OAuth tokens are read from the store before each call, so a refresh elsewhere is picked up. */
export function portalGateways(sources: PortalGatewaySources): (portalId: string) => HubSpotGateway {
  const cache = new Map<string, HubSpotGateway>();
  const storedToken = (portalId: string) => async () => {
    const installation = await sources.installations.get(portalId);
    const token = installation?.tokens?.accessToken;
    if (!token) throw new AppError('unauthorized', `Portal ${portalId} has no stored HubSpot token`);
    return token;
  };
  return (portalId) => {
    let gateway = cache.get(portalId);
    if (!gateway) {
      const fixed = sources.staticToken?.portalId === portalId ? sources.staticToken.accessToken : undefined;
      gateway = sources.create(fixed ?? storedToken(portalId));
      cache.set(portalId, gateway);
    }
    return gateway;
  };
}
