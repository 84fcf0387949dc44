import type { Config } from '../../config';
import type { OAuthClient } from '../../hubspot/oauth';
import type { Logger } from '../../logger';
import type { InstallGateway } from '../../use-cases/install/complete-install';
import type { InstallJobs, OAuthPort } from '../../use-cases/install/install-ports';
import type { AgreementVersionsPort } from '../../use-cases/ports/agreement-versions';
import type { InstallationsPort } from '../../use-cases/ports/installations';

/** The OAuth app and where HubSpot sends the browser back, once configured. */
export type InstallApp = OAuthClient & { redirectUri: string };

/** What the install routes are built from. */
export interface OAuthRouterDeps {
  config: Pick<Config, 'hubspot' | 'publicBaseUrl'>;
  store: {
    installations: Pick<InstallationsPort, 'connect' | 'list'> &
      Partial<Pick<InstallationsPort, 'setTimeZone'>>;
    jobs: InstallJobs;
    /** Whether the portal has an agreement yet: the post-install page says when its contacts get graded. */
    agreements?: Pick<AgreementVersionsPort, 'active'>;
  };
  logger: Pick<Logger, 'info' | 'warn'>;
  /** HubSpot's OAuth endpoints for the configured app (the composition root's `hubspotOAuth`). */
  oauthFor: (client: OAuthClient) => Pick<OAuthPort, 'exchangeCode' | 'introspectAccessToken'>;
  /** A gateway around a fresh access token (the composition root's `installGatewayOf`, on the portal's budget). */
  gatewayFor: (accessToken: string, portalId: string) => InstallGateway;
  clock?: { now(): number };
  /** HubSpot's app origin for the consent screen (default https://app.hubspot.com). */
  authorizeBaseUrl?: string;
}
