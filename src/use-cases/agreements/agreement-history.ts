import { diffAgreements, type DiffLine } from '../../domain/diff-agreements';
import type { Locale } from '../../domain/qualification';
import { AppError } from '../../domain/app-error';
import type { AgreementPorts, AgreementVersion } from './ports';

/** One version as the history shows it: who, when, why, what became of it, and what it changes. */
export type HistoryEntry = Omit<AgreementVersion, 'portalId' | 'body' | 'diff'> & { diff: DiffLine[] };

/** One page of the history, newest first; `cursor` asks for the next older page (null: this one reaches version 1). */
export interface HistoryPage {
  entries: HistoryEntry[];
  cursor: string | null;
}

/** Versions a page shows unless asked otherwise: the settings page's history tab without scrolling far. */
export const HISTORY_PAGE_SIZE = 10;
/** The most a caller may ask for at once: each entry carries its diff, computed or read for the page only. */
export const HISTORY_PAGE_MAX = 50;

const CURSOR = /^[1-9]\d{0,9}$/;

/** The version number a cursor stands for (versions older than it come next). */
function before(cursor: string | null | undefined): number | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  if (!CURSOR.test(cursor)) {
    throw new AppError('invalid_input', 'The history cursor is not one this service gave out.', [
      { path: 'cursor', message: 'expected the historyCursor of an earlier answer' },
    ]);
  }
  return Number(cursor);
}

/** A version as a history entry, its diff given. */
export function historyEntry(version: AgreementVersion, diff: DiffLine[]): HistoryEntry {
  const { portalId: _portalId, body: _body, diff: _stored, ...entry } = version;
  return { ...entry, diff };
}

/**
 * One page of a portal's versions, newest first, each with its diff against the version it replaced: the latest
 * `limit` (HISTORY_PAGE_SIZE), or those older than `cursor`. Only the page's versions are read and diffed.
 */
export async function agreementHistory(
  ports: Pick<AgreementPorts, 'versions'>,
  input: { portalId: string; locale?: Locale; cursor?: string | null; limit?: number },
): Promise<HistoryPage> {
  const limit = Math.min(Math.max(1, input.limit ?? HISTORY_PAGE_SIZE), HISTORY_PAGE_MAX);
  const rows = await ports.versions.list(input.portalId, { before: before(input.cursor), limit: limit + 1 });
  const page = rows.slice(0, limit);
  const diffOf = await differ(ports, input.portalId, input.locale ?? 'en', page);
  return {
    entries: page.map((v) => historyEntry(v, diffOf(v))),
    cursor: rows.length > limit ? String(page.at(-1)!.version) : null,
  };
}

/**
 * How to diff the page's versions: the stored diff in English (drafts against the active version), else rebuilt
 * against the version each was written on; only what the page needs is read.
 */
async function differ(
  ports: Pick<AgreementPorts, 'versions'>,
  portalId: string,
  locale: Locale,
  page: AgreementVersion[],
): Promise<(v: AgreementVersion) => DiffLine[]> {
  const needsBases = locale !== 'en' || page.some((v) => v.diff === null);
  const active = needsBases ? await ports.versions.active(portalId) : null;
  if (locale === 'en') return (v) => v.diff ?? diffAgreements(active?.body ?? null, v.body, locale);
  const approved = await ports.versions.list(portalId, { statuses: ['active', 'superseded'] });
  return (v) => diffAgreements(baseOf(v, approved, active)?.body ?? null, v.body, locale);
}

/**
 * The version `v` was written against: the last one approved before it was approved (or proposed; drafts
 * compare with the active version). Stored diffs are exact; this reconstruction serves other locales.
 */
function baseOf(
  v: AgreementVersion,
  approved: AgreementVersion[],
  active: AgreementVersion | null,
): AgreementVersion | null {
  const at = v.approvedAt ?? v.proposedAt;
  if (at === null) return active;
  const earlier = approved.filter(
    (other) => other.version !== v.version && other.approvedAt !== null && other.approvedAt <= at,
  );
  earlier.sort((a, b) => (a.approvedAt ?? 0) - (b.approvedAt ?? 0));
  return earlier.at(-1) ?? null;
}
