import type { Request, Response } from 'express';
import type { OAuthGrants } from './oauth-grants';
import type { StandinOAuthClient } from './oauth-form-guard';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * HubSpot's consent screen, approved at once: redirects to `redirect_uri` with a fresh single-use `code` and the
 * `state` it was given. `standin_consent=deny` (stand-in only) declines instead, the way HubSpot reports a declined
 * install: `error=access_denied` with an `error_description`.
 */
export function authorizeRoute(grants: OAuthGrants, client: StandinOAuthClient) {
  return (req: Request, res: Response) => {
    const clientId = text(req.query.client_id);
    const redirectUri = text(req.query.redirect_uri);
    const scopes = `${text(req.query.scope)} ${text(req.query.optional_scope)}`.split(' ').filter(Boolean);
    const problem = !clientId
      ? 'client_id is required'
      : client.clientId && clientId !== client.clientId
        ? 'unknown client_id'
        : !URL.canParse(redirectUri)
          ? 'redirect_uri must be an absolute URL'
          : scopes.length === 0
            ? 'scope is required'
            : undefined;
    if (problem) {
      res.status(400).type('text').send(`Authorization failed: ${problem}`);
      return;
    }
    const target = new URL(redirectUri);
    if (req.query.standin_consent === 'deny') {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The user declined to install the app');
    } else {
      target.searchParams.set('code', grants.issueCode(clientId, redirectUri, scopes));
    }
    if (typeof req.query.state === 'string') target.searchParams.set('state', req.query.state);
    res.redirect(302, target.toString());
  };
}
