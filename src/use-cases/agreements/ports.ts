import type { Agreement } from '../../domain/agreement-schema';
import type { DiffLine } from '../../domain/diff-agreements';

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

/** Agreement versions of every portal. */
export interface AgreementVersionRepository {
  /** Serialises lifecycle changes of one portal until the surrounding transaction ends. */
  lockPortal(portalId: string): Promise<void>;
  get(portalId: string, version: number): Promise<AgreementVersion | null>;
  active(portalId: string): Promise<AgreementVersion | null>;
  /** The portal's versions that match `filter` (every one without), newest first. */
  list(portalId: string, filter?: VersionFilter): Promise<AgreementVersion[]>;
  /** Inserts a draft numbered one past the highest version of the portal. */
  create(draft: NewVersion): Promise<AgreementVersion>;
  /** Overwrites the stored version with the same portal and number. */
  save(version: AgreementVersion): Promise<void>;
}

/** Which HubSpot teams count as marketing and which as sales (set in the installation). */
export interface TeamMapping {
  marketingTeamIds: readonly string[];
  salesTeamIds: readonly string[];
}

/** The installation's team mapping; null when the portal has none. */
export interface TeamMappingLookup {
  teamMapping(portalId: string): Promise<TeamMapping | null>;
}

/** The installation's team mapping as a transaction sees it, and the one way to change it. */
export interface TeamMappingRepository extends TeamMappingLookup {
  /** Replaces the portal's mapping; the portal must have an installation. */
  setTeamMapping(portalId: string, mapping: TeamMapping, at: number): Promise<void>;
}

/** A HubSpot user's team ids (primary and secondary), from a trusted source such as HubSpot's users API. */
export interface UserTeamsLookup {
  teamIdsOf(portalId: string, userId: string): Promise<readonly string[]>;
}

/** Whether a HubSpot user is a super admin of the portal's account (HubSpot's users API, `superAdmin`). */
export interface SuperAdminLookup {
  isSuperAdmin(portalId: string, userId: string): Promise<boolean>;
}

/** Append-only record of who changed what. */
export interface AuditLog {
  record(entry: {
    portalId: string;
    actor: string;
    action: string;
    details: Record<string, unknown>;
    at: number;
  }): Promise<void>;
}

/** Rescore every stored contact of a portal under an agreement version. */
export interface RescoreJob {
  type: 'rescore';
  portalId: string;
  version: number;
}

/** The durable job queue; the idempotency key makes a repeated enqueue a no-op. */
export interface JobQueue {
  enqueue(job: RescoreJob, options: { idempotencyKey: string }): Promise<void>;
}

/** Where the use cases read the time. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The ports written inside one transaction: all commit or none. */
export interface TransactionalPorts {
  versions: AgreementVersionRepository;
  mapping: TeamMappingRepository;
  audit: AuditLog;
  jobs: JobQueue;
}

/** Everything the agreement use cases need. */
export interface AgreementPorts extends TransactionalPorts {
  teams: TeamMappingLookup;
  userTeams: UserTeamsLookup;
  clock: Clock;
  transaction<T>(fn: (tx: TransactionalPorts) => Promise<T>): Promise<T>;
}
