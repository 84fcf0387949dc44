import { hubspotMode } from '../config';
import { registerCompleteWorkflowAction } from '../jobs/handlers/complete-workflow-action-handler';
import { registerFullImport } from '../jobs/handlers/full-import-handler';
import { registerLeadSync } from '../jobs/handlers/lead-sync-handler';
import { registerProcessInbox } from '../jobs/handlers/process-inbox-handler';
import { registerRescore, type RescorePayload } from '../jobs/handlers/rescore-handler';
import { registerSetUpPortal } from '../jobs/handlers/set-up-portal-handler';
import { registerSafetyNet, scheduleSafetyNets } from '../jobs/handlers/safety-net-handler';
import { registerSlaSweep, scheduleSlaSweeps } from '../jobs/handlers/sla-sweep-handler';
import { registerSyncContacts } from '../jobs/handlers/sync-contacts-handler';
import { registerSyncCompanyContacts } from '../jobs/handlers/sync-company-contacts-handler';
import { registerWriteBack } from '../jobs/handlers/write-back-handler';
import { createJobRegistry, type JobRegistry } from '../jobs/job-registry';
import { createLanedJobWorker, type JobLane } from '../jobs/job-lanes';
import type { JobEvent, JobWorker } from '../jobs/job-worker';
import type { Logger } from '../logger';
import { jobOutcomes } from '../metrics';
import { importIfNeverFinished } from '../use-cases/import/full-import';
import { disconnectRefusedPortal } from '../use-cases/install/disconnect-refused-portal';
import { expiredToken } from './hubspot-oauth';
import { DOMAIN_PAGE_SCORER, domainEngine } from '../use-cases/rescore/domain-engine';
import { compiledReadAhead } from '../store/rescore-page-source/read-ahead-thread';
import { rescorePageSource } from '../store/rescore-page-source/rescore-page-source';
import { PROCESS_INBOX_JOB } from '../use-cases/intake/intake-jobs';
import { enqueueWriteBack } from '../use-cases/write-back/enqueue-write-back';
import { leadsGatewaysOf } from './leads-gateways';
import { portalGatewaysOf, type ServiceContext } from './service-context';
import { workflowActionPorts } from './workflow-action';

/** The job handlers of every area (rescore, sync, write-back, SLA sweep...). */
function buildJobRegistry(context: ServiceContext): JobRegistry {
  const { config, logger, store } = context;
  const registry = createJobRegistry();
  // SQLite, compiled: the next page is read and scored in a worker thread (second core) while one is written.
  const pages = rescorePageSource(store, {
    readAhead: compiledReadAhead(config.dataDir, DOMAIN_PAGE_SCORER),
  });
  // A portal whose install found no agreement has never been imported: its first agreement imports it.
  const importIfNeeded = async ({ portalId, agreementVersion }: RescorePayload) => {
    if (hubspotMode(config) === 'not-configured') return;
    if (await importIfNeverFinished(store, portalId, agreementVersion, Date.now()))
      logger.info(
        { portalId },
        `portal ${portalId}: first agreement active, full import of its contacts queued`,
      );
  };
  registerRescore(
    registry,
    { store, pages, engine: domainEngine },
    (portalId) => enqueueWriteBack(store.jobs, portalId, Date.now()),
    importIfNeeded,
  );
  const gatewayFor = portalGatewaysOf(context);
  registerSetUpPortal(registry, {
    gatewayFor,
    installations: store.installations,
    jobs: store.jobs,
    log: logger,
  });
  registerWriteBack(registry, { store, limitPer10s: config.hubspot.requestsPer10s, log: logger, gatewayFor });
  registerLeadSync(registry, { store, leadsGatewayFor: leadsGatewaysOf(context), gatewayFor, log: logger });
  registerProcessInbox(registry, store);
  registerSyncContacts(registry, { store, gatewayFor, engine: domainEngine });
  registerSyncCompanyContacts(registry, { store, gatewayFor, log: logger });
  registerFullImport(registry, { store, gatewayFor, engine: domainEngine, log: logger });
  registerSlaSweep(registry, store);
  registerCompleteWorkflowAction(registry, workflowActionPorts(context));
  if (hubspotMode(config) !== 'not-configured') {
    const intervalMs = config.safetyNetIntervalMs;
    registerSafetyNet(registry, {
      store,
      gatewayFor,
      engine: domainEngine,
      jobs: store.jobs,
      intervalMs,
    });
  }
  return registry;
}

function logJobEvent(logger: Logger, { outcome, job, error, reason }: JobEvent): void {
  jobOutcomes.inc({ type: job.type, outcome });
  const line = { jobId: job.id, type: job.type, attempts: job.attempts, outcome };
  if (outcome === 'dead') logger.error({ ...line, reason, err: error }, 'job failed for good');
  else if (outcome === 'outage' || outcome === 'unsettled')
    logger.warn(
      { ...line, message: error instanceof Error ? error.message : String(error) },
      outcome === 'outage'
        ? 'database unavailable: job given back, it waits for the database'
        : 'database unavailable: job outcome not stored, it runs again when its lease expires',
    );
  else if (outcome === 'retry') logger.warn({ ...line, err: error }, 'job failed; will retry');
  else if (outcome === 'parked')
    logger.warn(
      { ...line, portalId: job.portalId, err: error },
      'portal disconnected: job waits for a reinstall',
    );
  else if (outcome === 'deferred')
    logger.warn(
      { ...line, portalId: job.portalId, err: error },
      'HubSpot rate limit: job waits until it lifts',
    );
  else logger.info(line, 'job finished');
}

/**
 * The inbox has a lane of its own: turning webhook events into syncs needs no HubSpot call, and behind syncs that
 * wait for the portal's request budget a 100,000-event backlog sat untouched (bench/webhook-backlog-scenario.ts).
 */
const LANES: JobLane[] = [
  { name: 'inbox', types: [PROCESS_INBOX_JOB] },
  { name: 'main', types: 'rest' },
];

/** Starts leasing jobs, unless no area has registered a handler yet. */
export function startWorker(context: ServiceContext): JobWorker | undefined {
  const { logger, store } = context;
  const registry = buildJobRegistry(context);
  if (registry.types().length === 0) {
    logger.warn('no job handlers are registered: the worker stays idle');
    return undefined;
  }
  const worker = createLanedJobWorker(
    {
      leases: store.jobs,
      registry,
      onEvent: (event) => logJobEvent(logger, event),
      onRefused: disconnectRefusedPortal(store.installations, expiredToken),
      // An outage is expected and says what it is: a warning without a stack, once and then every 10th try.
      onLeaseError: (error, failures) => {
        if (failures === 1 || failures % 10 === 0)
          logger.warn(
            { failures, message: error instanceof Error ? error.message : String(error) },
            'worker cannot lease jobs: it waits and tries again',
          );
      },
      onLeaseRecovered: (failures) => logger.info({ failures }, 'worker leases jobs again'),
    },
    LANES,
  );
  worker.start();
  scheduleSlaSweeps(store, Date.now()).catch((err: unknown) =>
    logger.error({ err }, 'could not schedule the SLA sweeps'),
  );
  if (hubspotMode(context.config) !== 'not-configured') {
    const { safetyNetIntervalMs, hubspot } = context.config;
    const staticPortal = hubspot.portalId ? [String(hubspot.portalId)] : [];
    scheduleSafetyNets(store, safetyNetIntervalMs, Date.now(), staticPortal).catch((err: unknown) =>
      logger.error({ err }, 'could not schedule the safety-net searches'),
    );
  }
  logger.info({ workerId: worker.workerId, jobTypes: registry.types() }, 'worker started');
  return worker;
}
