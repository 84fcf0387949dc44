import type {
  AgreementPorts,
  AgreementVersion,
  RescoreJob,
  SuperAdminLookup,
  TeamMapping,
  TransactionalPorts,
} from '../../../src/use-cases/agreements/ports';

/** One audit entry as the suites inspect it. */
export interface AuditSeen {
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

/** What the lifecycle suite needs from a backend: the ports plus ways to arrange and inspect. */
export interface World {
  ports: AgreementPorts;
  /** Who HubSpot says is a super admin (set with `setSuperAdmin`). */
  admins: SuperAdminLookup;
  advance(ms: number): void;
  /** Installs the portal with this mapping, or overwrites its mapping directly (as a restore or manual SQL would). */
  mapTeams(portalId: string, mapping: TeamMapping): Promise<void>;
  setUserTeams(userId: string, teamIds: string[]): void;
  setSuperAdmin(userId: string): void;
  auditActions(portalId: string): Promise<string[]>;
  /** The portal's audit entries, oldest first. */
  auditEntries(portalId: string): Promise<AuditSeen[]>;
  rescoreJobs(portalId: string): Promise<RescoreJob[]>;
  close(): Promise<void>;
}

/** A fake clock that starts at 2026-11-01T00:00:00Z and moves only when told. */
export function fakeClock() {
  let now = Date.UTC(2026, 10, 1);
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** In-memory fakes of our ports: transactions run one at a time and roll back on error. */
export function inMemoryWorld(): World {
  let versions: AgreementVersion[] = [];
  let audit: (AuditSeen & { portalId: string })[] = [];
  let jobs: { job: RescoreJob; key: string }[] = [];
  let mappings = new Map<string, TeamMapping>();
  const userTeams = new Map<string, string[]>();
  const superAdmins = new Set<string>();
  const clock = fakeClock();
  let queue: Promise<unknown> = Promise.resolve();

  const tx: TransactionalPorts = {
    versions: {
      lockPortal: async () => undefined,
      get: async (portalId, version) =>
        structuredClone(versions.find((v) => v.portalId === portalId && v.version === version) ?? null),
      active: async (portalId) =>
        structuredClone(versions.find((v) => v.portalId === portalId && v.status === 'active') ?? null),
      list: async (portalId, filter = {}) =>
        structuredClone(
          versions
            .filter((v) => v.portalId === portalId)
            .filter((v) => !filter.statuses || filter.statuses.includes(v.status))
            .filter((v) => filter.before === undefined || v.version < filter.before)
            .filter((v) => filter.after === undefined || v.version > filter.after)
            .sort((a, b) => b.version - a.version)
            .slice(0, filter.limit),
        ),
      approved: async (portalId) =>
        structuredClone(
          versions
            .filter((v) => v.portalId === portalId && v.approvedAt !== null)
            .sort((a, b) => (a.approvedAt ?? 0) - (b.approvedAt ?? 0) || a.version - b.version),
        ),
      create: async (draft) => {
        const last = Math.max(
          0,
          ...versions.filter((v) => v.portalId === draft.portalId).map((v) => v.version),
        );
        const created: AgreementVersion = {
          ...draft,
          version: last + 1,
          status: 'draft',
          ...{
            proposedBy: null,
            proposedAt: null,
            proposedSide: null,
            proposedTeamMapping: null,
            rationale: null,
          },
          ...{
            approvedBy: null,
            approvedAt: null,
            sentBackBy: null,
            sentBackAt: null,
            sentBackComment: null,
          },
          diff: null,
        };
        versions.push(structuredClone(created));
        return created;
      },
      save: async (version) => {
        const same = (v: AgreementVersion) =>
          v.portalId === version.portalId && v.version === version.version;
        versions = [...versions.filter((v) => !same(v)), structuredClone(version)];
        if (versions.filter((v) => v.portalId === version.portalId && v.status === 'active').length > 1) {
          throw new Error('two active versions (the real stores refuse this with a unique index)');
        }
      },
    },
    mapping: {
      teamMapping: async (portalId) => structuredClone(mappings.get(portalId) ?? null),
      setTeamMapping: async (portalId, mapping) => void mappings.set(portalId, structuredClone(mapping)),
    },
    audit: { record: async (entry) => void audit.push(structuredClone(entry)) },
    jobs: {
      enqueue: async (job, { idempotencyKey }) => {
        if (!jobs.some((j) => j.key === idempotencyKey)) jobs.push({ job, key: idempotencyKey });
      },
    },
  };

  const transaction = <T>(fn: (t: TransactionalPorts) => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      const snapshot = structuredClone({ versions, audit, jobs, mappings });
      try {
        return await fn(tx);
      } catch (error) {
        ({ versions, audit, jobs, mappings } = snapshot);
        throw error;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    ports: {
      ...tx,
      teams: { teamMapping: async (portalId) => structuredClone(mappings.get(portalId) ?? null) },
      userTeams: { teamIdsOf: async (_portalId, userId) => userTeams.get(userId) ?? [] },
      clock,
      transaction,
    },
    admins: { isSuperAdmin: async (_portalId, userId) => superAdmins.has(userId) },
    advance: clock.advance,
    mapTeams: async (portalId, mapping) => void mappings.set(portalId, structuredClone(mapping)),
    setUserTeams: (userId, teamIds) => void userTeams.set(userId, teamIds),
    setSuperAdmin: (userId) => void superAdmins.add(userId),
    auditActions: async (portalId) => audit.filter((a) => a.portalId === portalId).map((a) => a.action),
    auditEntries: async (portalId) =>
      audit
        .filter((a) => a.portalId === portalId)
        .map(({ actor, action, details }) => ({ actor, action, details })),
    rescoreJobs: async (portalId) => jobs.filter((j) => j.job.portalId === portalId).map((j) => j.job),
    close: async () => undefined,
  };
}
