import type { EnsurePropertiesReport, HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { InstallationsPort } from '../ports/installations';
import { enqueueFullImport } from '../import/full-import';
import { errorMessage } from './error-message';
import type { InstallJobs } from './install-ports';

/** The job type that readies a portal whose token came from the environment (static-token mode). */
export const SET_UP_PORTAL_JOB = 'set-up-portal';

/** What setting up a portal needs: its HubSpot gateway, where its time zone is kept, where its import is queued. */
export interface SetUpPortalDeps {
  gateway: Pick<HubSpotGateway, 'ensureProperties' | 'getAccountDetails'>;
  installations: Pick<InstallationsPort, 'setTimeZone'>;
  jobs: InstallJobs;
}

/** What the set-up did, as the job's result and the start-up log show it. */
export interface SetUpPortalResult {
  properties: EnsurePropertiesReport;
  timeZone: { ok: true; zone: string } | { ok: false; message: string };
  /** False when the portal's import was queued before (a restart): it runs once per portal. */
  importQueued: boolean;
}

/**
 * Does for a static-token portal what an OAuth install does: creates or completes the Lead Pact properties (a write
 * naming one that does not exist is refused by HubSpot), stores the account's time zone, and queues the portal's
 * full import once. A properties failure throws (the job retries); a time-zone failure only falls back to the
 * agreement's zone for DAILY pauses.
 */
export async function setUpPortal(
  deps: SetUpPortalDeps,
  portalId: string,
  now: number,
): Promise<SetUpPortalResult> {
  const properties = await deps.gateway.ensureProperties();
  let timeZone: SetUpPortalResult['timeZone'];
  try {
    const { timeZone: zone } = await deps.gateway.getAccountDetails();
    await deps.installations.setTimeZone(portalId, zone, now);
    timeZone = { ok: true, zone };
  } catch (error) {
    timeZone = { ok: false, message: errorMessage(error) };
  }
  const importQueued = await enqueueFullImport(deps.jobs, portalId, now);
  return { properties, timeZone, importQueued };
}
