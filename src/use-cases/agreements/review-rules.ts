import { AppError } from '../../errors/app-error';
import type { AgreementVersion, Side, TransactionalPorts } from './ports';
import { otherSide, sideName } from './resolve-side';

/**
 * Loads the proposed version a reviewer acts on and checks the reviewer may act: someone of the other side,
 * never the proposer. Runs inside the caller's transaction, after the portal is locked.
 */
export async function proposedForReview(
  tx: TransactionalPorts,
  portalId: string,
  version: number,
  reviewer: { userId: string; side: Side },
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
  return proposed;
}

/** True when another version became active after `proposed` was proposed: it was written against an older one. */
export function isStale(proposed: AgreementVersion, active: AgreementVersion | null): boolean {
  return Boolean(active && active.approvedAt !== null && (proposed.proposedAt ?? 0) < active.approvedAt);
}
