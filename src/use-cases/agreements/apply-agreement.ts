import { AppError } from '../../domain/app-error';
import { activateVersion, type Activation } from './activate-version';
import type { AgreementPorts } from './ports';
import { validAgreement } from './save-draft';

/**
 * For teams that review agreements in git: records who proposed and who approved (emails, not checked
 * against HubSpot teams since the review happened in git) and activates the version in one step.
 */
export async function applyAgreement(
  ports: AgreementPorts,
  input: { portalId: string; body: unknown; proposedBy: string; approvedBy: string; rationale?: string },
): Promise<Activation> {
  const body = validAgreement(input.body);
  const [proposedBy, approvedBy] = [input.proposedBy.trim(), input.approvedBy.trim()];
  if (proposedBy.toLowerCase() === approvedBy.toLowerCase()) {
    throw new AppError('invalid_input', 'The approver must be someone other than the proposer.', [
      { path: 'approvedBy', message: 'expected a different person than proposedBy' },
    ]);
  }
  const now = ports.clock.now();
  const rationale = input.rationale?.trim() || 'Reviewed in git';
  return ports.transaction(async (tx) => {
    await tx.versions.lockPortal(input.portalId);
    const draft = await tx.versions.create({
      portalId: input.portalId,
      name: body.name,
      body,
      createdBy: proposedBy,
      createdAt: now,
    });
    const reviewed = {
      ...draft,
      ...{ proposedBy, proposedAt: now, proposedSide: null, rationale, approvedBy, approvedAt: now },
    };
    return activateVersion(tx, reviewed, {
      actor: approvedBy,
      action: 'agreement.applied',
      details: { proposedBy, approvedBy, rationale },
      at: now,
    });
  });
}
