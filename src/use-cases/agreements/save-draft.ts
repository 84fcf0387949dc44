import { parseAgreement } from '../../domain/parse-agreement';
import { AppError } from '../../errors/app-error';
import type { Agreement } from '../../domain/agreement-schema';
import type { AgreementPorts, AgreementVersion } from './ports';

/** Saves a new draft, or over the draft `version`. Anyone may draft; sides matter from proposing on. */
export async function saveDraft(
  ports: AgreementPorts,
  input: { portalId: string; userId: string; body: unknown; version?: number },
): Promise<AgreementVersion> {
  const body = validAgreement(input.body);
  const now = ports.clock.now();
  return ports.transaction(async (tx) => {
    await tx.versions.lockPortal(input.portalId);
    let saved: AgreementVersion;
    if (input.version === undefined) {
      saved = await tx.versions.create({
        portalId: input.portalId,
        name: body.name,
        body,
        createdBy: input.userId,
        createdAt: now,
      });
    } else {
      const existing = await tx.versions.get(input.portalId, input.version);
      if (!existing)
        throw new AppError('not_found', `There is no version ${input.version} of this agreement.`);
      if (existing.status !== 'draft') {
        throw new AppError(
          'conflict',
          `Version ${existing.version} is ${existing.status.replace('_', ' ')}, not a draft; save your changes as a new draft.`,
        );
      }
      saved = { ...existing, name: body.name, body };
      await tx.versions.save(saved);
    }
    const details = { version: saved.version, name: saved.name };
    await tx.audit.record({
      portalId: input.portalId,
      actor: input.userId,
      action: 'agreement.draft_saved',
      details,
      at: now,
    });
    return saved;
  });
}

/** Parses an agreement; every problem becomes a detail with its path (an `invalid_input` AppError). */
export function validAgreement(input: unknown): Agreement {
  const parsed = parseAgreement(input);
  if (!parsed.success) {
    const count = parsed.errors.length;
    throw new AppError(
      'invalid_input',
      `The agreement has ${count} problem${count === 1 ? '' : 's'}.`,
      parsed.errors.map((e) => ({ path: e.path, message: e.message })),
    );
  }
  return parsed.data;
}
