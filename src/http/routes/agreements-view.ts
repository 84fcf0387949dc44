import type { AgreementsResponse, Version, VersionSummary } from '../../contracts/agreements';
import { diffAgreements, type DiffLine } from '../../domain/diff-agreements';
import {
  agreementHistory,
  historyEntry,
  type HistoryEntry,
} from '../../use-cases/agreements/agreement-history';
import type { AgreementPorts, AgreementVersion } from '../../use-cases/agreements/ports';
import { MAPPING_CHANGED_COMMENT } from '../../use-cases/agreements/change-team-mapping';
import { sidesOf } from '../../use-cases/agreements/resolve-side';
import { whoActsNext } from '../../use-cases/agreements/who-acts-next';
import { workingCopy } from '../../use-cases/agreements/working-copy';

const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

/** A history entry in the contract's shape (instants as ISO strings). */
function toSummary(entry: HistoryEntry): VersionSummary {
  return {
    version: entry.version,
    status: entry.status,
    name: entry.name,
    createdBy: entry.createdBy,
    createdAt: new Date(entry.createdAt).toISOString(),
    proposedBy: entry.proposedBy,
    proposedAt: iso(entry.proposedAt),
    proposedSide: entry.proposedSide,
    rationale: entry.rationale,
    approvedBy: entry.approvedBy,
    approvedAt: iso(entry.approvedAt),
    sentBackBy: entry.sentBackBy,
    sentBackAt: iso(entry.sentBackAt),
    sentBackComment: entry.sentBackComment,
    ...(entry.status === 'sent_back' && entry.sentBackComment === MAPPING_CHANGED_COMMENT
      ? { sentBackReason: 'team_mapping_changed' as const }
      : {}),
    diff: entry.diff,
  };
}

/** A version with its document; its diff from the history page, else its own (a draft's against the active). */
export function toVersion(
  v: AgreementVersion | null,
  history: VersionSummary[],
  active: AgreementVersion | null,
): Version | null {
  if (!v) return null;
  const diff: DiffLine[] =
    history.find((h) => h.version === v.version)?.diff ??
    v.diff ??
    diffAgreements(active?.body ?? null, v.body);
  return { ...toSummary(historyEntry(v, diff)), agreement: v.body };
}

/**
 * What the settings page shows about the signed portal's agreement: the active version, the one being worked
 * on, one page of the history with diffs (the newest, or those older than `page.cursor`), whose move it is, and
 * which sides the signed user is on.
 */
export async function agreementsView(
  ports: AgreementPorts,
  caller: { portalId: string; userId: string },
  page: { cursor?: string; limit?: number } = {},
): Promise<AgreementsResponse> {
  const { portalId, userId } = caller;
  const { entries, cursor } = await agreementHistory(ports, { portalId, ...page });
  const history = entries.map(toSummary);
  const active = await ports.versions.active(portalId);
  return {
    active: toVersion(active, history, active),
    open: toVersion(await workingCopy(ports, portalId), history, active),
    history,
    ...(cursor === null ? {} : { historyCursor: cursor }),
    next: await whoActsNext(ports, portalId),
    viewer: { userId, sides: await sidesOf(ports, portalId, userId) },
  };
}
