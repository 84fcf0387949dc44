import type { TeamsResponse, TeamsSettings } from '../../contracts/agreements';
import type { Names } from '../../use-cases/names/cached-names';

/**
 * The team mapping with every HubSpot team to pick from, by name (HubSpot's order: sorted by name). A mapped team
 * HubSpot did not name (names unreadable, or the team was deleted) is listed by its id, marked `named: false`.
 */
export function teamsView(
  mapping: Pick<TeamsSettings, 'marketingTeamIds' | 'salesTeamIds'>,
  names: Names,
): TeamsResponse {
  const { marketingTeamIds, salesTeamIds } = mapping;
  const named = [...names.names].map(([id, name]) => ({ id, name, named: true }));
  const unnamed = [...new Set([...marketingTeamIds, ...salesTeamIds])]
    .filter((id) => !names.names.has(id))
    .map((id) => ({ id, name: id, named: false }));
  return { marketingTeamIds, salesTeamIds, teams: [...named, ...unnamed], names: names.status };
}
