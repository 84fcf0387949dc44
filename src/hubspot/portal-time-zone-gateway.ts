import { dailyResetIn } from './daily-limit-reset';
import type { HubSpotGateway } from './hubspot-gateway';

/** Where a DAILY pause is logged: the zone used, and whether it is the portal's or the UTC fallback. */
export interface DailyLimitLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface PortalTimeZoneOptions {
  portalId: string;
  /** The portal's IANA time zone, or undefined when it is not known. */
  timeZoneOf: () => Promise<string | undefined>;
  log?: DailyLimitLog;
  now?: () => number;
}

/**
 * A gateway whose DAILY 429s pause until midnight in the portal's time zone, when HubSpot resets the limit;
 * UTC midnight when the zone is unknown, and the log says which one applies.
 */
export function withPortalTimeZone(gateway: HubSpotGateway, options: PortalTimeZoneOptions): HubSpotGateway {
  const now = options.now ?? Date.now;
  const retimed = async (error: unknown): Promise<never> => {
    const known = await options.timeZoneOf().catch(() => undefined);
    const timeZone = known ?? 'UTC';
    const result = dailyResetIn(error, timeZone, now());
    if (result !== error) {
      const note = known
        ? `HubSpot daily limit reached: paused until midnight in the portal's time zone (${timeZone})`
        : "HubSpot daily limit reached: the portal's time zone is unknown, paused until midnight UTC";
      options.log?.warn({ portalId: options.portalId, timeZone }, note);
    }
    throw result;
  };
  // Called as a method of `gateway`, so implementations that rely on `this` keep working.
  const wrap = <K extends keyof HubSpotGateway>(name: K): HubSpotGateway[K] =>
    ((...args: unknown[]) =>
      (gateway[name] as (...a: unknown[]) => Promise<unknown>)(...args).catch(retimed)) as HubSpotGateway[K];
  return {
    readContacts: wrap('readContacts'),
    updateContacts: wrap('updateContacts'),
    listContacts: wrap('listContacts'),
    searchModifiedSince: wrap('searchModifiedSince'),
    ensureProperties: wrap('ensureProperties'),
    getAccountDetails: wrap('getAccountDetails'),
    getUser: wrap('getUser'),
    listProperties: wrap('listProperties'),
    listTeams: wrap('listTeams'),
    listOwners: wrap('listOwners'),
    readCompanyContacts: wrap('readCompanyContacts'),
    searchCompaniesModifiedSince: wrap('searchCompaniesModifiedSince'),
    completeWorkflowCallback: wrap('completeWorkflowCallback'),
  };
}
