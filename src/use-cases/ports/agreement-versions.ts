import type { Agreement } from '../../domain/agreement-schema';
import type { DiffLine } from '../../domain/diff-agreements';
import type { TeamMapping } from './installations';

/** The two sides that must agree: one proposes, the other approves. */
export const SIDES = ['marketing', 'sales'] as const;
export type Side = (typeof SIDES)[number];

/** draft -> proposed -> active (-> superseded) or sent_back. Proposed and sent-back versions are never edited. */
export const VERSION_STATUSES = ['draft', 'proposed', 'active', 'superseded', 'sent_back'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** One version of a portal's agreement and what happened to it. Times are epoch ms; people are user ids or emails. */
export interface AgreementVersion {
  portalId: string;
  version: number;
  status: VersionStatus;
  name: string;
  /** The agreement, parsed once where it is read from storage (`parseAgreement`). */
  body: Agreement;
  createdBy: string | null;
  createdAt: number;
  proposedBy: string | null;
  proposedAt: number | null;
  /** Null for versions applied from git (`lead-pact agreement apply`), where no side is checked. */
  proposedSide: Side | null;
  /**
   * The team mapping in force when it was proposed: a reviewer must be on the other side under it and under today's.
   * Null for drafts, versions applied from git, and proposals older than the mapping check (migration 006).
   */
  proposedTeamMapping: TeamMapping | null;
  rationale: string | null;
  approvedBy: string | null;
  approvedAt: number | null;
  sentBackBy: string | null;
  sentBackAt: number | null;
  sentBackComment: string | null;
  /** Against the version active when it was proposed (then approved); null for drafts. */
  diff: DiffLine[] | null;
}

/** A new draft: the repository gives it the next version number. */
export type NewVersion = Pick<AgreementVersion, 'portalId' | 'name' | 'body' | 'createdBy' | 'createdAt'>;

/** Which versions `list` returns (all when empty), newest first. */
export interface VersionFilter {
  statuses?: readonly VersionStatus[];
  /** Only versions numbered below this one (an older page of the history). */
  before?: number;
  /** Only versions numbered above this one (e.g. newer than the active version). */
  after?: number;
  /** At most this many. */
  limit?: number;
}

/**
 * Agreement versions of every portal; at most one active per portal. Not found is `null`; lists are newest
 * first, except `approved`, which is in the order the versions came into force. The store implements it.
 */
export interface AgreementVersionsPort {
  /** Serialises lifecycle changes of one portal until the surrounding transaction ends. */
  lockPortal(portalId: string): Promise<void>;
  get(portalId: string, version: number): Promise<AgreementVersion | null>;
  active(portalId: string): Promise<AgreementVersion | null>;
  /** The portal's versions that match `filter` (every one without), newest first. */
  list(portalId: string, filter?: VersionFilter): Promise<AgreementVersion[]>;
  /** Every version ever approved (the active one and those it superseded), oldest approval first. */
  approved(portalId: string): Promise<AgreementVersion[]>;
  /** Inserts a draft numbered one past the highest version of the portal. */
  create(draft: NewVersion): Promise<AgreementVersion>;
  /** Overwrites the stored version with the same portal and number. */
  save(version: AgreementVersion): Promise<void>;
}
