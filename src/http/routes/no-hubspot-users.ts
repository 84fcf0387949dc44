import type { SuperAdminLookup, UserTeamsLookup } from '../../use-cases/agreements/ports';

/**
 * Without HubSpot connected nobody's teams or admin rights can be read, so no user is on a team and nobody is a super
 * admin: the settings page shows the agreement and lets anyone draft, but proposing, approving and changing the team
 * mapping answer 403 saying why. Closed by default, never guessed.
 */
export const noHubSpotUsers: UserTeamsLookup & SuperAdminLookup = {
  teamIdsOf: async () => [],
  isSuperAdmin: async () => false,
};
