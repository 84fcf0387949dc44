import { diffAgreements } from '../../domain/diff-agreements';
import { AppError } from '../../domain/app-error';
import type { AgreementPorts, AgreementVersion } from './ports';
import { resolveSide, type Actor } from './resolve-side';
import { requireMappingInForce } from './review-rules';

/**
 * A user of one side proposes a draft, with a rationale, for the other side to approve. The diff against the
 * version active now is stored so the approver reviews exactly what changes, and the team mapping in force so the
 * approver's side is checked under it too.
 */
export async function proposeVersion(
  ports: AgreementPorts,
  input: { portalId: string; version: number; actor: Actor; rationale: string },
): Promise<AgreementVersion> {
  const rationale = input.rationale.trim();
  if (!rationale) {
    throw new AppError('invalid_input', 'Say why you propose this version.', [
      { path: 'rationale', message: 'expected a non-empty rationale' },
    ]);
  }
  const { side, mapping } = await resolveSide(ports, input.portalId, input.actor);
  const now = ports.clock.now();
  return ports.transaction(async (tx) => {
    await tx.versions.lockPortal(input.portalId);
    await requireMappingInForce(tx, input.portalId, mapping);
    const draft = await tx.versions.get(input.portalId, input.version);
    if (!draft) throw new AppError('not_found', `There is no version ${input.version} of this agreement.`);
    if (draft.status !== 'draft') {
      throw new AppError(
        'conflict',
        `Version ${draft.version} is ${draft.status.replace('_', ' ')}; only drafts can be proposed.`,
      );
    }
    const active = await tx.versions.active(input.portalId);
    const proposed: AgreementVersion = {
      ...draft,
      status: 'proposed',
      proposedBy: input.actor.userId,
      proposedAt: now,
      proposedSide: side,
      proposedTeamMapping: mapping,
      rationale,
      diff: diffAgreements(active?.body ?? null, draft.body),
    };
    await tx.versions.save(proposed);
    await tx.audit.record({
      portalId: input.portalId,
      actor: input.actor.userId,
      action: 'agreement.proposed',
      details: { version: draft.version, side, rationale, basedOn: active?.version ?? null },
      at: now,
    });
    return proposed;
  });
}
