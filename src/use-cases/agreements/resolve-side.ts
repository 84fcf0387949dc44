import { AppError } from '../../domain/app-error';
import type { AgreementPorts, Side, TeamMapping } from './ports';

/** Who acts: a HubSpot user id (from the signed request), and the side they say they act for if they are on both. */
export interface Actor {
  userId: string;
  actingAs?: Side;
}

/** The side a user acts for, and what it was decided from: their HubSpot team ids and the mapping read. */
export interface ActingSide {
  userId: string;
  side: Side;
  teamIds: readonly string[];
  mapping: TeamMapping;
}

/**
 * The side a user acts for: their HubSpot teams intersected with the installation's marketing and sales teams.
 * A user on both sides must say which one they act for (`actingAs`); we do not guess, because the side
 * decides who may approve. A user on neither side gets a `forbidden` error.
 */
export async function resolveSide(
  ports: Pick<AgreementPorts, 'teams' | 'userTeams'>,
  portalId: string,
  actor: Actor,
): Promise<ActingSide> {
  const mapping = await ports.teams.teamMapping(portalId);
  const teamIds = mapping ? await ports.userTeams.teamIdsOf(portalId, actor.userId) : [];
  const sides = sidesUnder(mapping, teamIds);
  const [only] = sides;
  if (only === undefined || !mapping) {
    throw new AppError(
      'forbidden',
      'You are in neither a marketing nor a sales team of this portal, so you cannot propose or approve agreements. Ask a HubSpot super admin of this portal to map your HubSpot team in the Lead Pact settings.',
    );
  }
  const acting = { userId: actor.userId, teamIds, mapping };
  if (sides.length === 1) {
    if (actor.actingAs && actor.actingAs !== only) {
      throw new AppError(
        'forbidden',
        `You are on the ${only} side only; you cannot act for ${actor.actingAs}.`,
      );
    }
    return { ...acting, side: only };
  }
  if (!actor.actingAs) {
    throw new AppError(
      'invalid_input',
      'You are in both a marketing and a sales team: say which side you act for.',
      [{ path: 'actingAs', message: 'expected "marketing" or "sales"' }],
    );
  }
  return { ...acting, side: actor.actingAs };
}

/** Every side a user's HubSpot teams put them on: none, one, or both. */
export async function sidesOf(
  ports: Pick<AgreementPorts, 'teams' | 'userTeams'>,
  portalId: string,
  userId: string,
): Promise<Side[]> {
  const mapping = await ports.teams.teamMapping(portalId);
  if (!mapping) return [];
  return sidesUnder(mapping, await ports.userTeams.teamIdsOf(portalId, userId));
}

/** Every side `teamIds` are on under `mapping` (none without a mapping), marketing first. */
export function sidesUnder(mapping: TeamMapping | null, teamIds: readonly string[]): Side[] {
  if (!mapping) return [];
  const mine = new Set(teamIds);
  const sides: Side[] = [];
  if (mapping.marketingTeamIds.some((id) => mine.has(id))) sides.push('marketing');
  if (mapping.salesTeamIds.some((id) => mine.has(id))) sides.push('sales');
  return sides;
}

/** The side that is not `side`. */
export function otherSide(side: Side): Side {
  return side === 'marketing' ? 'sales' : 'marketing';
}

/** "Marketing" / "Sales", for sentences. */
export function sideName(side: Side): string {
  return side === 'marketing' ? 'Marketing' : 'Sales';
}
