import type { HubSpotGateway, HubSpotUser } from '../../hubspot/hubspot-gateway';
import type { SuperAdminLookup, UserTeamsLookup } from './ports';

/** How long a user's teams are trusted before HubSpot is asked again. */
export const USER_TEAMS_TTL_MS = 60_000;

interface Cached {
  teamIds: readonly string[];
  until: number;
}

/**
 * HubSpot's users API as the agreement use cases see it. A user's teams (which side they act for) are cached per
 * (portal, user) for a minute; whether they are a super admin (who may change the team mapping) is asked afresh
 * every time, so a revoked admin cannot change it a moment later. A user HubSpot does not know is on no team and no
 * admin. Failures are not cached: the next request asks HubSpot again.
 */
export function hubspotUsers(
  gatewayFor: (portalId: string) => Pick<HubSpotGateway, 'getUser'>,
  now: () => number = Date.now,
): UserTeamsLookup & SuperAdminLookup {
  const cache = new Map<string, Cached>();
  const read = async (portalId: string, userId: string): Promise<HubSpotUser | null> => {
    const user = await gatewayFor(portalId).getUser(userId);
    cache.set(JSON.stringify([portalId, userId]), {
      teamIds: user?.teamIds ?? [],
      until: now() + USER_TEAMS_TTL_MS,
    });
    return user;
  };
  return {
    teamIdsOf: async (portalId, userId) => {
      const hit = cache.get(JSON.stringify([portalId, userId]));
      if (hit && hit.until > now()) return hit.teamIds;
      return (await read(portalId, userId))?.teamIds ?? [];
    },
    isSuperAdmin: async (portalId, userId) => (await read(portalId, userId))?.superAdmin === true,
  };
}
