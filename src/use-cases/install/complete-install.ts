import type { HubSpotGateway, EnsurePropertiesReport } from '../../hubspot/hubspot-gateway';
import type { InstallationsPort } from '../ports/installations';
import { enqueueFullImport } from '../import/full-import';
import { errorMessage } from './error-message';
import { grantedPortal } from './granted-portal';
import type { InstallJobs, OAuthPort } from './install-ports';

/** What the install asks HubSpot with the new token: the properties, and the account's time zone when it can. */
export type InstallGateway = Pick<HubSpotGateway, 'ensureProperties'> &
  Partial<Pick<HubSpotGateway, 'getAccountDetails'>>;

/** What finishing an install needs: the OAuth app, the store, and a gateway per access token. */
export interface CompleteInstallDeps {
  oauth: Pick<OAuthPort, 'exchangeCode' | 'introspectAccessToken'>;
  redirectUri: string;
  installations: Pick<InstallationsPort, 'connect'> & Partial<Pick<InstallationsPort, 'setTimeZone'>>;
  /** A gateway on the new token; `portalId` names the request budget its calls take slots from. */
  gatewayFor: (accessToken: string, portalId: string) => InstallGateway;
  /** Where the portal's full import is queued. */
  jobs: InstallJobs;
}

/** The outcome shown on the post-install page. */
export interface InstallOutcome {
  portalId: string;
  properties: { ok: true; report: EnsurePropertiesReport } | { ok: false; message: string };
  /** Whether the portal's full import was queued (once per portal, by idempotency key). */
  importQueued: boolean;
  /** The account's time zone (HubSpot's daily limit resets at its midnight), when it was read. */
  timeZone?: { ok: true; zone: string } | { ok: false; message: string };
}

/** Reads and stores the account's time zone; a failure only means DAILY pauses fall back to other sources. */
async function storeTimeZone(
  deps: CompleteInstallDeps,
  gateway: InstallGateway,
  portalId: string,
  now: number,
): Promise<InstallOutcome['timeZone']> {
  if (!gateway.getAccountDetails || !deps.installations.setTimeZone) return undefined;
  try {
    const { timeZone } = await gateway.getAccountDetails();
    await deps.installations.setTimeZone(portalId, timeZone, now);
    return { ok: true, zone: timeZone };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/**
 * Exchanges the callback code, stores the portal's tokens (encrypted by the store), marks it connected,
 * then creates or updates the Lead Pact properties, stores the account's time zone and queues the full import.
 * A properties or time-zone failure does not undo the install.
 */
export async function completeInstall(
  deps: CompleteInstallDeps,
  code: string,
  now: number,
): Promise<InstallOutcome> {
  const tokens = await deps.oauth.exchangeCode(code, deps.redirectUri);
  const { portalId, scopes } = await grantedPortal(deps.oauth, tokens);
  const expiresAt = now + tokens.expiresInSeconds * 1000;
  await deps.installations.connect(
    portalId,
    { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt },
    scopes,
    now,
  );
  const gateway = deps.gatewayFor(tokens.accessToken, portalId);
  let properties: InstallOutcome['properties'];
  try {
    properties = { ok: true, report: await gateway.ensureProperties() };
  } catch (error) {
    properties = { ok: false, message: errorMessage(error) };
  }
  const timeZone = await storeTimeZone(deps, gateway, portalId, now);
  await enqueueFullImport(deps.jobs, portalId, now);
  return { portalId, properties, importQueued: true, ...(timeZone ? { timeZone } : {}) };
}
