import type { Config } from '../config';
import { createApiClientGateway } from '../hubspot/api-client-gateway';
import { withRequestBudget } from '../hubspot/budgeted-gateway';
import { withPortalTimeZone } from '../hubspot/portal-time-zone-gateway';
import type { Logger } from '../logger';
import type { Store } from '../store/create-store';
import { portalTimeZone } from '../use-cases/install/portal-time-zone';
import { refreshingInstallations } from '../use-cases/install/refreshing-installations';
import { hubspotOAuth } from './hubspot-oauth';
import { reservedCeiling } from '../use-cases/write-back/drain-outbox';
import { portalGateways } from '../use-cases/write-back/portal-gateways';

/** The real adapters every part of the service is built from, once per process. */
export interface ServiceContext {
  config: Config;
  logger: Logger;
  store: Store;
}

/**
 * A HubSpot gateway per portal: the static token's portal, or each installation's refreshed OAuth token.
 * A DAILY 429 pauses the portal until midnight in the account's time zone (else its active agreement's), UTC
 * when neither is known. Every read takes its slots from the portal's request budget shared with the writer
 * (HUBSPOT_REQUESTS_PER_10S), waiting for a free slot; `signal` ends such a wait.
 */
export function portalGatewaysOf({ config, store, logger }: ServiceContext) {
  const { clientId, clientSecret, apiBaseUrl } = config.hubspot;
  const timeZoneOf = portalTimeZone(store);
  const gateways = portalGateways({
    installations:
      clientId && clientSecret
        ? refreshingInstallations(store, hubspotOAuth({ clientId, clientSecret, apiBaseUrl }))
        : store.installations,
    ...(config.hubspot.accessToken && config.hubspot.portalId
      ? {
          staticToken: {
            portalId: String(config.hubspot.portalId),
            accessToken: config.hubspot.accessToken,
          },
        }
      : {}),
    create: (accessToken) => createApiClientGateway({ accessToken, basePath: config.hubspot.apiBaseUrl }),
  });
  const limitPer10s = reservedCeiling(config.hubspot.requestsPer10s);
  return (portalId: string, signal?: AbortSignal) =>
    withRequestBudget(
      withPortalTimeZone(gateways(portalId), {
        portalId,
        timeZoneOf: () => timeZoneOf(portalId),
        log: logger,
      }),
      { portalId, budget: store.rateBudget, limitPer10s, ...(signal ? { signal } : {}) },
    );
}

/** A gateway on a freshly installed portal's token whose calls take slots from that portal's request budget. */
export function installGatewayOf({ config, store }: ServiceContext) {
  const limitPer10s = reservedCeiling(config.hubspot.requestsPer10s);
  return (accessToken: string, portalId: string) =>
    withRequestBudget(createApiClientGateway({ accessToken, basePath: config.hubspot.apiBaseUrl }), {
      portalId,
      budget: store.rateBudget,
      limitPer10s,
    });
}
