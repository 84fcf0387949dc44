import type {
  AgreementVersion,
  AgreementVersionsPort,
  NewVersion,
  Side,
  VersionFilter,
  VersionStatus,
} from '../ports/agreement-versions';
import type { AuditLogPort } from '../ports/audit-log';
import type { InstallationsPort, TeamMapping } from '../ports/installations';

export { SIDES, VERSION_STATUSES } from '../ports/agreement-versions';
export type { AgreementVersion, NewVersion, Side, TeamMapping, VersionFilter, VersionStatus };

/** Agreement versions of every portal (the store's `agreements`). */
export type AgreementVersionRepository = AgreementVersionsPort;

/** The installation's team mapping; null when the portal has none. */
export type TeamMappingLookup = Pick<InstallationsPort, 'teamMapping'>;

/** The installation's team mapping as a transaction sees it, and the one way to change it. */
export type TeamMappingRepository = Pick<InstallationsPort, 'teamMapping' | 'setTeamMapping'>;

/** A HubSpot user's team ids (primary and secondary), from a trusted source such as HubSpot's users API. */
export interface UserTeamsLookup {
  teamIdsOf(portalId: string, userId: string): Promise<readonly string[]>;
}

/** Whether a HubSpot user is a super admin of the portal's account (HubSpot's users API, `superAdmin`). */
export interface SuperAdminLookup {
  isSuperAdmin(portalId: string, userId: string): Promise<boolean>;
}

/** Append-only record of who changed what. */
export type AuditLog = Pick<AuditLogPort, 'record'>;

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
