import type { HubSpotGateway, EnsurePropertiesReport } from '../../hubspot/hubspot-gateway';
import { exchangeCode, getAccessTokenInfo, type OAuthClient } from '../../hubspot/oauth';
import type { InstallationsRepository } from '../../store/repositories/installations-repository';
import type { JobsRepository } from '../../store/repositories/jobs-repository';
import { enqueueFullImport } from '../import/full-import';
import { errorMessage } from './error-message';

/** What finishing an install needs: the OAuth app, the store, and a gateway per access token. */
export interface CompleteInstallDeps {
  oauth: OAuthClient;
  redirectUri: string;
  installations: Pick<InstallationsRepository, 'connect'>;
  gatewayFor: (accessToken: string) => Pick<HubSpotGateway, 'ensureProperties'>;
  /** Where the portal's full import is queued. */
  jobs: Pick<JobsRepository, 'enqueue'>;
}

/** The outcome shown on the post-install page. */
export interface InstallOutcome {
  portalId: string;
  properties: { ok: true; report: EnsurePropertiesReport } | { ok: false; message: string };
  /** Whether the portal's full import was queued (once per portal, by idempotency key). */
  importQueued: boolean;
}

/**
 * Exchanges the callback code, stores the portal's tokens (encrypted by the store), marks it connected,
 * then creates or updates the Lead Pact properties and queues the full import. A properties failure does not undo the install.
 */
export async function completeInstall(
  deps: CompleteInstallDeps,
  code: string,
  now: number,
): Promise<InstallOutcome> {
  const tokens = await exchangeCode(deps.oauth, code, deps.redirectUri);
  const info = await getAccessTokenInfo(deps.oauth.apiBaseUrl, tokens.accessToken);
  const portalId = String(info.hubId);
  const expiresAt = now + tokens.expiresInSeconds * 1000;
  await deps.installations.connect(
    portalId,
    { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt },
    info.scopes,
    now,
  );
  let properties: InstallOutcome['properties'];
  try {
    properties = { ok: true, report: await deps.gatewayFor(tokens.accessToken).ensureProperties() };
  } catch (error) {
    properties = { ok: false, message: errorMessage(error) };
  }
  await enqueueFullImport(deps.jobs, portalId, now);
  return { portalId, properties, importQueued: true };
}
