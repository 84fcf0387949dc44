import { parseAgreement } from '../../domain/parse-agreement';
import { AppError } from '../../domain/app-error';
import type { Agreement } from '../../domain/agreement-schema';
import type { AgreementPorts, AgreementVersion } from './ports';
import { workingCopy } from './working-copy';

/** The draft a save goes over: version `version` (which must be a draft), else the open draft if there is one. */
async function draftToOverwrite(
  tx: Pick<AgreementPorts, 'versions'>,
  portalId: string,
  version: number | undefined,
): Promise<AgreementVersion | null> {
  if (version === undefined) {
    const open = await workingCopy(tx, portalId);
    return open?.status === 'draft' ? open : null;
  }
  const existing = await tx.versions.get(portalId, version);
  if (!existing) throw new AppError('not_found', `There is no version ${version} of this agreement.`);
  if (existing.status !== 'draft') {
    throw new AppError(
      'conflict',
      `Version ${existing.version} is ${existing.status.replace('_', ' ')}, not a draft; save your changes as a new draft.`,
    );
  }
  return existing;
}

/**
 * Saves the draft: over draft `version`, else over the draft already open (one is worked on at a time, so saving
 * again never piles up versions), else as a new draft. Anyone may draft; sides matter from proposing on.
 */
export async function saveDraft(
  ports: AgreementPorts,
  input: { portalId: string; userId: string; body: unknown; version?: number },
): Promise<AgreementVersion> {
  const body = validAgreement(input.body);
  const now = ports.clock.now();
  return ports.transaction(async (tx) => {
    await tx.versions.lockPortal(input.portalId);
    const existing = await draftToOverwrite(tx, input.portalId, input.version);
    let saved: AgreementVersion;
    if (existing) {
      saved = { ...existing, name: body.name, body };
      await tx.versions.save(saved);
    } else {
      saved = await tx.versions.create({
        portalId: input.portalId,
        name: body.name,
        body,
        createdBy: input.userId,
        createdAt: now,
      });
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
