import type { TeamMapping } from './ports';

const sameIds = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
};

/** True when both mappings put the same teams on each side (order and repeats aside). */
export function sameTeamMapping(a: TeamMapping, b: TeamMapping): boolean {
  return sameIds(a.marketingTeamIds, b.marketingTeamIds) && sameIds(a.salesTeamIds, b.salesTeamIds);
}
