import type { AgreementVersionsPort } from '../ports/agreement-versions';
import type { AuditLogPort } from '../ports/audit-log';
import type { InstallationsPort } from '../ports/installations';
import type { JobsPort } from '../ports/jobs';
import type { Transactional } from '../ports/transactional';
import type { AgreementPorts, Clock, JobQueue, TransactionalPorts, UserTeamsLookup } from './ports';

/** The store's repositories the agreement use cases write through (the real `Store` satisfies it). */
export interface AgreementStore extends Transactional<AgreementStore> {
  agreements: AgreementVersionsPort;
  installations: Pick<InstallationsPort, 'teamMapping' | 'setTeamMapping'>;
  audit: Pick<AuditLogPort, 'record'>;
  jobs: Pick<JobsPort, 'enqueue'>;
}

/** The rescore job on the store's queue, with the payload the rescore handler reads (`{portalId, agreementVersion}`). */
function rescoreQueue(jobs: AgreementStore['jobs'], clock: Clock): JobQueue {
  return {
    async enqueue(job, { idempotencyKey }) {
      const payload = { portalId: job.portalId, agreementVersion: job.version };
      await jobs.enqueue({ type: job.type, portalId: job.portalId, payload, idempotencyKey }, clock.now());
    },
  };
}

function transactional(store: AgreementStore, clock: Clock): TransactionalPorts {
  return {
    versions: store.agreements,
    mapping: store.installations,
    audit: store.audit,
    jobs: rescoreQueue(store.jobs, clock),
  };
}

/** The agreement ports on the store (SQLite or PostgreSQL); user teams come from HubSpot, so they are passed in. */
export function storeAgreementPorts(
  store: AgreementStore,
  deps: { userTeams: UserTeamsLookup; clock: Clock },
): AgreementPorts {
  return {
    ...transactional(store, deps.clock),
    teams: store.installations,
    userTeams: deps.userTeams,
    clock: deps.clock,
    transaction: (fn) => store.transaction((tx) => fn(transactional(tx, deps.clock))),
  };
}
