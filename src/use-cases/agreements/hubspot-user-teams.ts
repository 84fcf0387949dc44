import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { UserTeamsLookup } from './ports';

/** How long a user's teams are trusted before HubSpot is asked again. */
export const USER_TEAMS_TTL_MS = 60_000;

interface Cached {
  teamIds: readonly string[];
  until: number;
}

/**
 * The user's teams from HubSpot's users API, cached per (portal, user) for a minute.
 * Failures are not cached: the next request asks HubSpot again.
 */
export function hubspotUserTeams(
  gatewayFor: (portalId: string) => Pick<HubSpotGateway, 'getUserTeams'>,
  now: () => number = Date.now,
): UserTeamsLookup {
  const cache = new Map<string, Cached>();
  return {
    teamIdsOf: async (portalId, userId) => {
      const key = JSON.stringify([portalId, userId]);
      const hit = cache.get(key);
      if (hit && hit.until > now()) return hit.teamIds;
      const teamIds = await gatewayFor(portalId).getUserTeams(userId);
      cache.set(key, { teamIds, until: now() + USER_TEAMS_TTL_MS });
      return teamIds;
    },
  };
}
