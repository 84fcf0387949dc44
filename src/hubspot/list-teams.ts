import type { Client } from '@hubspot/api-client';
import type { HubSpotTeam } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

/**
 * `GET /settings/v3/users/teams` (scope `settings.users.teams.read`): every team of the account, id and name, in
 * one unpaged answer. Members are left out: a user's teams come from the users API.
 */
export async function listTeams(client: Client): Promise<HubSpotTeam[]> {
  const response = await client.settings.users.teamsApi.getAll().catch((error: unknown) => {
    throw translateHubSpotError(error, 'Listing the HubSpot teams');
  });
  return response.results
    .map((team) => ({ id: String(team.id), name: team.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
