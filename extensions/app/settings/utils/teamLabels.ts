import type { TeamsResponse } from '@lead-pact/contracts';

/**
 * The words for a list of team ids: each team's HubSpot name (or the id, said plainly, when HubSpot did not name it),
 * joined by commas; `none` for an empty list.
 */
export function teamLabels(
  teams: TeamsResponse['teams'],
  words: { unnamed: (id: string) => string; none: string },
): (ids: readonly string[]) => string {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const label = (id: string) => {
    const team = byId.get(id);
    return !team || team.named === false ? words.unnamed(id) : team.name;
  };
  return (ids) => (ids.length === 0 ? words.none : ids.map(label).join(', '));
}
