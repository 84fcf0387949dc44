import { AppError } from '../../domain/app-error';
import type { AgreementPorts, AgreementVersion } from './ports';
import { resolveSide, type Actor } from './resolve-side';
import { proposedForReview, requireMappingInForce } from './review-rules';

/** A user of the other side sends a proposed version back with a comment; the proposer revises it as a new draft. */
export async function sendBackVersion(
  ports: AgreementPorts,
  input: { portalId: string; version: number; actor: Actor; comment: string },
): Promise<AgreementVersion> {
  const comment = input.comment.trim();
  if (!comment) {
    throw new AppError('invalid_input', 'Say what should change before you send it back.', [
      { path: 'comment', message: 'expected a non-empty comment' },
    ]);
  }
  const reviewer = await resolveSide(ports, input.portalId, input.actor);
  const { side } = reviewer;
  const now = ports.clock.now();
  return ports.transaction(async (tx) => {
    await tx.versions.lockPortal(input.portalId);
    await requireMappingInForce(tx, input.portalId, reviewer.mapping);
    const proposed = await proposedForReview(tx, input.portalId, input.version, reviewer);
    const sentBack: AgreementVersion = {
      ...proposed,
      status: 'sent_back',
      sentBackBy: input.actor.userId,
      sentBackAt: now,
      sentBackComment: comment,
    };
    await tx.versions.save(sentBack);
    await tx.audit.record({
      portalId: input.portalId,
      actor: input.actor.userId,
      action: 'agreement.sent_back',
      details: { version: proposed.version, side, comment },
      at: now,
    });
    return sentBack;
  });
}
