import type { Request, Response } from 'express';
import { isAppError } from '../../domain/app-error';
import { completeInstall } from '../../use-cases/install/complete-install';
import { errorMessage } from '../../use-cases/install/error-message';
import { checkInstallCallback } from '../../use-cases/install/oauth-state';
import type { UsedInstallStates } from '../../use-cases/install/used-install-states';
import { installDeclinedPage } from '../pages/install-declined-page';
import { installErrorPage } from '../pages/install-error-page';
import { postInstallPage } from '../pages/post-install-page';
import { clearInstallStateCookie, readInstallStateCookie } from './install-state-cookie';
import type { InstallApp, OAuthRouterDeps } from './oauth-deps';
import { sendPage as html } from './send-page';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Why HubSpot sent the browser back without a code, as the admin should read it. */
function refusedByHubSpot(res: Response, error: string, description: string | undefined): void {
  if (error === 'access_denied') return void html(res, 403, installDeclinedPage(description));
  const said = description ? `${error}: ${description}` : error;
  html(res, 400, installErrorPage(`HubSpot said ${said}`));
}

/**
 * `GET /oauth/callback`: the state must be this browser's (cookie) and unused, then a declined consent gets its
 * own page, and a code is exchanged and the install completed. The state cookie is cleared on every answer.
 */
export function oauthCallback(
  deps: OAuthRouterDeps,
  app: InstallApp,
  used: UsedInstallStates,
  now: () => number,
) {
  const oauth = deps.oauthFor(app);
  return async (req: Request, res: Response): Promise<void> => {
    clearInstallStateCookie(res);
    const state = text(req.query.state);
    const cookie = readInstallStateCookie(req);
    const refused =
      checkInstallCallback(app.clientSecret, { state, cookie }, now()) ??
      (used.claim(state as string, now()) ? undefined : 'this install link was already used');
    if (refused) return void html(res, 400, installErrorPage(refused));
    const error = text(req.query.error);
    if (error) return refusedByHubSpot(res, error, text(req.query.error_description));
    const code = text(req.query.code);
    if (!code) return void html(res, 400, installErrorPage('HubSpot sent no authorization code'));
    try {
      const outcome = await completeInstall(
        { oauth, redirectUri: app.redirectUri, ...deps.store, gatewayFor: deps.gatewayFor },
        code,
        now(),
      );
      const { portalId, properties, timeZone } = outcome;
      deps.logger.info({ portalId, properties: properties.ok, timeZone }, 'portal installed');
      const active = await deps.store.agreements?.active(portalId);
      html(res, 200, postInstallPage(outcome, deps.store.agreements ? Boolean(active) : undefined));
    } catch (failure) {
      deps.logger.warn({ err: failure }, 'install callback failed');
      const status = isAppError(failure, 'unauthorized') ? 400 : 502;
      html(res, status, installErrorPage(errorMessage(failure)));
    }
  };
}
