import type { Config } from '../config';
import { createApiClientGateway } from '../hubspot/api-client-gateway';
import { withPortalTimeZone } from '../hubspot/portal-time-zone-gateway';
import type { Logger } from '../logger';
import type { Store } from '../store/create-store';
import { portalTimeZone } from '../use-cases/install/portal-time-zone';
import { refreshingInstallations } from '../use-cases/install/refreshing-installations';
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
 * when neither is known.
 */
export function portalGatewaysOf({ config, store, logger }: ServiceContext) {
  const { clientId, clientSecret, apiBaseUrl } = config.hubspot;
  const timeZoneOf = portalTimeZone(store);
  const gateways = portalGateways({
    installations:
      clientId && clientSecret
        ? refreshingInstallations(store, { clientId, clientSecret, apiBaseUrl })
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
  return (portalId: string) =>
    withPortalTimeZone(gateways(portalId), { portalId, timeZoneOf: () => timeZoneOf(portalId), log: logger });
}
