import type { UserTeamsLookup } from '../../use-cases/agreements/ports';

/**
 * Until a HubSpot users-API lookup is wired (GET /settings/v3/users/{userId}: primaryTeamId, secondaryTeamIds),
 * no user is on a team: the settings page shows the agreement and lets anyone draft, but proposing and approving
 * answer 403 saying the user's team is not mapped. Closed by default, never guessed.
 */
export const unmappedUserTeams: UserTeamsLookup = {
  teamIdsOf: async () => [],
};
