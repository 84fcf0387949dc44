import { AppError } from '../../domain/app-error';
import { activateVersion, type Activation } from './activate-version';
import type { AgreementPorts } from './ports';
import { resolveSide, type Actor } from './resolve-side';
import { isStale, proposedForReview, requireMappingInForce } from './review-rules';

/**
 * A user of the other side (under the team mapping it was proposed under and under today's) approves a proposed
 * version: it becomes active, supersedes the previous one, and every contact is rescored. A version proposed before the current one became active must be proposed again
 * (on top of it), so of two versions approved at the same time only the first wins.
 */
export async function approveVersion(
  ports: AgreementPorts,
  input: { portalId: string; version: number; actor: Actor },
): Promise<Activation> {
  const reviewer = await resolveSide(ports, input.portalId, input.actor);
  const { side } = reviewer;
  const now = ports.clock.now();
  return ports.transaction(async (tx) => {
    await tx.versions.lockPortal(input.portalId);
    await requireMappingInForce(tx, input.portalId, reviewer.mapping);
    const proposed = await proposedForReview(tx, input.portalId, input.version, reviewer);
    const active = await tx.versions.active(input.portalId);
    if (active && isStale(proposed, active)) {
      throw new AppError(
        'conflict',
        `Version ${active.version} became active after version ${proposed.version} was proposed; propose the changes again on top of version ${active.version}.`,
      );
    }
    const approved = { ...proposed, approvedBy: input.actor.userId, approvedAt: now };
    return activateVersion(tx, approved, {
      actor: input.actor.userId,
      action: 'agreement.approved',
      details: { side, proposedBy: proposed.proposedBy, proposedSide: proposed.proposedSide },
      at: now,
    });
  });
}
