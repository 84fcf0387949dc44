import { diffAgreements, type DiffLine } from '../../domain/diff-agreements';
import type { AgreementVersion, TransactionalPorts } from './ports';

/** What an activation did. */
export interface Activation {
  version: AgreementVersion;
  /** The version it replaced, if any. */
  superseded: number | null;
  diff: DiffLine[];
}

/**
 * Makes `candidate` the active version inside the caller's transaction (portal locked): the previous active
 * version is superseded, the diff against it is stored, the audit log says who, and a rescore is enqueued.
 */
export async function activateVersion(
  tx: TransactionalPorts,
  candidate: AgreementVersion,
  audit: { actor: string; action: string; details: Record<string, unknown>; at: number },
): Promise<Activation> {
  const previous = await tx.versions.active(candidate.portalId);
  if (previous) await tx.versions.save({ ...previous, status: 'superseded' });
  const diff = diffAgreements(previous?.body ?? null, candidate.body);
  const version: AgreementVersion = { ...candidate, status: 'active', diff };
  await tx.versions.save(version);
  const { portalId } = candidate;
  await tx.audit.record({
    portalId,
    actor: audit.actor,
    action: audit.action,
    details: {
      ...audit.details,
      version: version.version,
      supersedes: previous?.version ?? null,
      changes: diff.length,
    },
    at: audit.at,
  });
  await tx.jobs.enqueue(
    { type: 'rescore', portalId, version: version.version },
    { idempotencyKey: `rescore:${portalId}:${version.version}` },
  );
  return { version, superseded: previous?.version ?? null, diff };
}
