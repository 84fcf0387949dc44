import { AppError } from '../domain/app-error';
import { createApiClientLeadsGateway } from '../hubspot/leads/api-client-leads-gateway';
import { leadsRequestBudget } from '../hubspot/leads/leads-request-budget';
import type { LeadsGateway } from '../hubspot/leads-gateway';
import { refreshingInstallations } from '../use-cases/install/refreshing-installations';
import { reservedCeiling } from '../use-cases/write-back/drain-outbox';
import { hubspotOAuth } from './hubspot-oauth';
import type { ServiceContext } from './service-context';

/**
 * A Leads gateway per portal, beside the portal gateways (`portalGatewaysOf`): the static token's portal, or each
 * installation's refreshed OAuth token read before every request; every request takes a slot of the portal's request
 * budget shared with the writer and the reads (HUBSPOT_REQUESTS_PER_10S), and a 429 pauses the portal. A new gateway
 * per call (one per job run), so the portal's disqualification reasons are read again by each run.
 */
export function leadsGatewaysOf({ config, store }: ServiceContext) {
  const { clientId, clientSecret, apiBaseUrl, accessToken, portalId: staticPortal } = config.hubspot;
  const installations =
    clientId && clientSecret
      ? refreshingInstallations(store, hubspotOAuth({ clientId, clientSecret, apiBaseUrl }))
      : store.installations;
  const storedToken = (portalId: string) => async () => {
    const token = (await installations.get(portalId))?.tokens?.accessToken;
    if (!token) throw new AppError('unauthorized', `Portal ${portalId} has no stored HubSpot token`);
    return token;
  };
  const limitPer10s = reservedCeiling(config.hubspot.requestsPer10s);
  return (portalId: string, signal?: AbortSignal): LeadsGateway =>
    createApiClientLeadsGateway({
      accessToken: accessToken && String(staticPortal) === portalId ? accessToken : storedToken(portalId),
      basePath: apiBaseUrl,
      hooks: leadsRequestBudget({
        portalId,
        budget: store.rateBudget,
        limitPer10s,
        ...(signal ? { signal } : {}),
      }),
    });
}
