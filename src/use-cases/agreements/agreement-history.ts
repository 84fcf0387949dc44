import { diffAgreements, type DiffLine } from '../../domain/diff-agreements';
import type { Locale } from '../../domain/qualification';
import type { AgreementPorts, AgreementVersion } from './ports';

/** One version as the history shows it: who, when, why, what became of it, and what it changes. */
export type HistoryEntry = Omit<AgreementVersion, 'portalId' | 'body' | 'diff'> & { diff: DiffLine[] };

/** Every version of a portal's agreement, newest first, each with its diff against the version it replaced. */
export async function agreementHistory(
  ports: Pick<AgreementPorts, 'versions'>,
  input: { portalId: string; locale?: Locale },
): Promise<HistoryEntry[]> {
  const versions = await ports.versions.list(input.portalId);
  const locale = input.locale ?? 'en';
  return versions.map(({ portalId: _portalId, body: _body, diff, ...entry }) => {
    const version = versions.find((v) => v.version === entry.version)!;
    const stored = locale === 'en' ? diff : null;
    return {
      ...entry,
      diff: stored ?? diffAgreements(baseOf(version, versions)?.body ?? null, version.body, locale),
    };
  });
}

/**
 * The version `v` was written against: the last one approved before it was approved (or proposed; drafts
 * compare with the active version). Stored diffs are exact; this reconstruction serves other locales.
 */
function baseOf(v: AgreementVersion, versions: AgreementVersion[]): AgreementVersion | null {
  const at = v.approvedAt ?? v.proposedAt;
  if (at === null) return versions.find((other) => other.status === 'active') ?? null;
  const earlier = versions.filter(
    (other) => other.version !== v.version && other.approvedAt !== null && other.approvedAt <= at,
  );
  earlier.sort((a, b) => (a.approvedAt ?? 0) - (b.approvedAt ?? 0));
  return earlier.at(-1) ?? null;
}
