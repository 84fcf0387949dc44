import { AppError } from '../../domain/app-error';
import type { AgreementVersion, Side, TeamMapping, TransactionalPorts } from './ports';
import { otherSide, sideName, sidesUnder } from './resolve-side';
import { sameTeamMapping } from './same-team-mapping';

/**
 * Loads the proposed version a reviewer acts on and checks the reviewer may act: someone of the other side, never
 * the proposer, and on that side both under the team mapping the version was proposed under and under today's (so
 * no change of mapping can hand a proposal to the proposer's own side). Runs inside the caller's transaction, after
 * the portal is locked.
 */
export async function proposedForReview(
  tx: TransactionalPorts,
  portalId: string,
  version: number,
  reviewer: { userId: string; side: Side; teamIds: readonly string[] },
): Promise<AgreementVersion> {
  const proposed = await tx.versions.get(portalId, version);
  if (!proposed) throw new AppError('not_found', `There is no version ${version} of this agreement.`);
  if (proposed.status !== 'proposed') {
    throw new AppError(
      'conflict',
      `Version ${version} is ${proposed.status.replace('_', ' ')}, not proposed.`,
    );
  }
  if (proposed.proposedBy === reviewer.userId) {
    throw new AppError(
      'forbidden',
      `You proposed version ${version}; someone from the other side must review it.`,
    );
  }
  if (proposed.proposedSide === reviewer.side) {
    const other = proposed.proposedSide ? sideName(otherSide(proposed.proposedSide)) : 'The other side';
    throw new AppError(
      'forbidden',
      `Version ${version} was proposed by ${reviewer.side}; ${other} must review it.`,
    );
  }
  const then = proposed.proposedTeamMapping;
  if (then && !sidesUnder(then, reviewer.teamIds).includes(reviewer.side)) {
    throw new AppError(
      'forbidden',
      `Your HubSpot teams were not on the ${reviewer.side} side when version ${version} was proposed (the team mapping has changed since); someone on the ${reviewer.side} side then and now must review it.`,
    );
  }
  return proposed;
}

/**
 * Inside the caller's transaction (portal locked): the mapping a side was resolved with is still the portal's.
 * A mapping changed in between answers `conflict`, so no step is taken under a mapping that no longer holds.
 */
export async function requireMappingInForce(
  tx: TransactionalPorts,
  portalId: string,
  resolvedWith: TeamMapping,
): Promise<void> {
  const now = await tx.mapping.teamMapping(portalId);
  if (!now || !sameTeamMapping(now, resolvedWith)) {
    throw new AppError(
      'conflict',
      "This portal's team mapping changed a moment ago; reload the settings page and try again.",
    );
  }
}

/** True when another version became active after `proposed` was proposed: it was written against an older one. */
export function isStale(proposed: AgreementVersion, active: AgreementVersion | null): boolean {
  return Boolean(active && active.approvedAt !== null && (proposed.proposedAt ?? 0) < active.approvedAt);
}
