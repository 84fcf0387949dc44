import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { Logger } from '../../logger';
import { cachedNames, type Names } from './cached-names';

/** The scope `GET /settings/v3/users/teams` needs. */
export const TEAMS_SCOPE = 'settings.users.teams.read';
/** Teams are renamed rarely; the settings page should not ask HubSpot on every open. */
export const TEAM_NAMES_TTL_MS = 5 * 60_000;
/** How long a failure (a missing scope, HubSpot down) is kept before HubSpot is asked again. */
export const NAMES_FAILURE_TTL_MS = 60_000;

/** What team names are read with; without a gateway (HubSpot not configured) there are none. */
export interface TeamNamesDeps {
  gatewayFor?: (portalId: string) => Pick<HubSpotGateway, 'listTeams'>;
  logger?: Pick<Logger, 'warn'>;
  now?: () => number;
}

/** Each portal's HubSpot teams by id, sorted by name, cached per portal; ids and the reason when they cannot be read. */
export function teamNames(deps: TeamNamesDeps): (portalId: string) => Promise<Names> {
  const { gatewayFor } = deps;
  if (!gatewayFor) {
    const none: Names = {
      names: new Map(),
      status: { source: 'ids', reason: 'not_configured', scope: TEAMS_SCOPE },
    };
    return async () => none;
  }
  const load = async (portalId: string) =>
    new Map((await gatewayFor(portalId).listTeams()).map((team) => [team.id, team.name]));
  return cachedNames(load, {
    scope: TEAMS_SCOPE,
    what: 'team names',
    ttlMs: TEAM_NAMES_TTL_MS,
    failureTtlMs: NAMES_FAILURE_TTL_MS,
    now: deps.now ?? Date.now,
    logger: deps.logger,
  });
}
