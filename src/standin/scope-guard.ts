import type { RequestHandler } from 'express';
import { sendHubSpotError } from './hubspot-error-body';
import type { StandinState } from './standin-state';

const SCOPES_DOCS = 'https://developers.hubspot.com/scopes';

/**
 * Refuses a request whose token was not granted `scope` as HubSpot does: 403 `MISSING_SCOPES`, the scope named under
 * `errors[].context.requiredGranularScopes`. Mount it after the limits middleware, which refuses a missing token
 * with 401 first.
 */
export function requireScope(state: StandinState, scope: string): RequestHandler {
  return (_req, res, next) => {
    const granted = state.directory.grantedScopes;
    if (granted === null || granted.has(scope)) return next();
    sendHubSpotError(
      res,
      403,
      `This app hasn't been granted all required scopes to make this call. Read more about required scopes here: ${SCOPES_DOCS}.`,
      'MISSING_SCOPES',
      {
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: [scope] },
          },
        ],
        links: { scopes: SCOPES_DOCS },
      },
    );
  };
}
