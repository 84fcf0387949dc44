import { Router, type Request, type Response } from 'express';
import { hubspotMode, type Config } from '../../config';
import { isAppError } from '../../errors/app-error';
import { buildAuthorizeUrl, type OAuthClient } from '../../hubspot/oauth';
import type { Logger } from '../../logger';
import type { InstallationsRepository } from '../../store/repositories/installations-repository';
import type { JobsRepository } from '../../store/repositories/jobs-repository';
import { completeInstall, type InstallGateway } from '../../use-cases/install/complete-install';
import { errorMessage } from '../../use-cases/install/error-message';
import { checkOAuthState, createOAuthState } from '../../use-cases/install/oauth-state';
import { installErrorPage } from '../pages/install-error-page';
import { notConnectedPage } from '../pages/not-connected-page';
import { postInstallPage } from '../pages/post-install-page';
import { escapeHtml, pageLayout } from '../pages/page-layout';

/** What the install routes are built from. */
export interface OAuthRouterDeps {
  config: Pick<Config, 'hubspot' | 'publicBaseUrl'>;
  store: {
    installations: Pick<InstallationsRepository, 'connect' | 'list'>;
    jobs: Pick<JobsRepository, 'enqueue'>;
  };
  logger: Pick<Logger, 'info' | 'warn'>;
  /** A gateway around a fresh access token (the composition root's `installGatewayOf`, on the portal's budget). */
  gatewayFor: (accessToken: string, portalId: string) => InstallGateway;
  clock?: { now(): number };
  /** HubSpot's app origin for the consent screen (default https://app.hubspot.com). */
  authorizeBaseUrl?: string;
}

const html = (res: Response, status: number, body: string) =>
  res.status(status).type('html').set('cache-control', 'no-store').send(body);

function oauthApp(config: OAuthRouterDeps['config']): (OAuthClient & { redirectUri: string }) | undefined {
  const { clientId, clientSecret, apiBaseUrl } = config.hubspot;
  if (!clientId || !clientSecret || !config.publicBaseUrl) return undefined;
  return { clientId, clientSecret, apiBaseUrl, redirectUri: `${config.publicBaseUrl}/oauth/callback` };
}

async function homePage(deps: OAuthRouterDeps, res: Response): Promise<void> {
  const connected = await deps.store.installations.list('connected');
  if (hubspotMode(deps.config) === 'static-token' || connected.length > 0) {
    const portals = connected.map((i) => escapeHtml(i.portalId)).join(', ');
    const which = portals ? ` (portal ${portals})` : '';
    html(res, 200, pageLayout('Lead Pact is running', `<p>Lead Pact is connected to HubSpot${which}.</p>`));
    return;
  }
  const oauthConfigured = oauthApp(deps.config) !== undefined;
  html(res, 200, notConnectedPage({ oauthConfigured, publicBaseUrl: deps.config.publicBaseUrl }));
}

/** `GET /oauth/install`, `GET /oauth/callback` and the home / "not connected yet" page at `GET /`. */
export function oauthRouter(deps: OAuthRouterDeps): Router {
  const router = Router();
  const now = () => (deps.clock ? deps.clock.now() : Date.now());
  const app = oauthApp(deps.config);
  const unconfigured = (res: Response) =>
    html(res, 503, notConnectedPage({ oauthConfigured: false, publicBaseUrl: deps.config.publicBaseUrl }));

  router.get(['/', '/install'], (_req: Request, res: Response) => homePage(deps, res));
  router.get('/oauth/install', (_req: Request, res: Response) => {
    if (!app) return unconfigured(res);
    const state = createOAuthState(app.clientSecret, now());
    const url = buildAuthorizeUrl({ ...app, state, authorizeBaseUrl: deps.authorizeBaseUrl });
    res.set('cache-control', 'no-store').redirect(302, url);
  });
  router.get('/oauth/callback', async (req: Request, res: Response) => {
    if (!app) return unconfigured(res);
    const refused = checkOAuthState(app.clientSecret, req.query.state, now());
    if (refused) return html(res, 400, installErrorPage(refused));
    const { code, error } = req.query;
    if (typeof error === 'string') return html(res, 400, installErrorPage(`HubSpot said: ${error}`));
    if (typeof code !== 'string' || code === '')
      return html(res, 400, installErrorPage('HubSpot sent no authorization code'));
    try {
      const outcome = await completeInstall(
        {
          oauth: app,
          redirectUri: app.redirectUri,
          installations: deps.store.installations,
          jobs: deps.store.jobs,
          gatewayFor: deps.gatewayFor,
        },
        code,
        now(),
      );
      const { portalId, properties, timeZone } = outcome;
      deps.logger.info({ portalId, properties: properties.ok, timeZone }, 'portal installed');
      html(res, 200, postInstallPage(outcome));
    } catch (failure) {
      deps.logger.warn({ err: failure }, 'install callback failed');
      const status = isAppError(failure, 'unauthorized') ? 400 : 502;
      html(res, status, installErrorPage(errorMessage(failure)));
    }
  });
  return router;
}
