import { Router, type Request, type Response } from 'express';
import { hubspotMode } from '../../config';
import { buildAuthorizeUrl } from '../../hubspot/oauth';
import { createOAuthState } from '../../use-cases/install/oauth-state';
import { UsedInstallStates } from '../../use-cases/install/used-install-states';
import { notConnectedPage } from '../pages/not-connected-page';
import { pageLayout } from '../pages/page-layout';
import { oauthCallback } from './oauth-callback';
import type { InstallApp, OAuthRouterDeps } from './oauth-deps';
export type { OAuthRouterDeps } from './oauth-deps';
import { sendPage } from './send-page';
import { setInstallStateCookie } from './install-state-cookie';

const html = sendPage;

function oauthApp(config: OAuthRouterDeps['config']): InstallApp | undefined {
  const { clientId, clientSecret, apiBaseUrl } = config.hubspot;
  if (!clientId || !clientSecret || !config.publicBaseUrl) return undefined;
  return { clientId, clientSecret, apiBaseUrl, redirectUri: `${config.publicBaseUrl}/oauth/callback` };
}

async function homePage(deps: OAuthRouterDeps, res: Response): Promise<void> {
  const connected = await deps.store.installations.list('connected');
  if (hubspotMode(deps.config) === 'static-token' || connected.length > 0) {
    // A public page: how many portals, never which (Hub IDs are for the operator's log and CLI).
    const count = connected.length;
    const which = count === 0 ? '' : ` (${count === 1 ? '1 portal' : `${count} portals`})`;
    html(res, 200, pageLayout('Lead Pact is running', `<p>Lead Pact is connected to HubSpot${which}.</p>`));
    return;
  }
  const oauthConfigured = oauthApp(deps.config) !== undefined;
  html(res, 200, notConnectedPage({ oauthConfigured, publicBaseUrl: deps.config.publicBaseUrl }));
}

/**
 * `GET /oauth/install` (sets the browser's state cookie, then sends it to HubSpot's consent screen),
 * `GET /oauth/callback` and the home / "not connected yet" page at `GET /`.
 */
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
    setInstallStateCookie(res, state);
    const url = buildAuthorizeUrl({ ...app, state, authorizeBaseUrl: deps.authorizeBaseUrl });
    res.set('cache-control', 'no-store').redirect(302, url);
  });
  const callback = app ? oauthCallback(deps, app, new UsedInstallStates(), now) : undefined;
  router.get('/oauth/callback', (req: Request, res: Response) =>
    callback ? callback(req, res) : unconfigured(res),
  );
  return router;
}
