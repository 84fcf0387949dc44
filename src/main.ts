import type { RequestHandler } from 'express';
import { hubspotMode, loadConfig, type Config } from './config';
import { createApp } from './http/create-app';
import { disconnectedPortals } from './http/disconnected-portals';
import { createReadiness } from './http/readiness';
import { apiRouters } from './http/routes/api-routers';
import { unmappedUserTeams } from './http/routes/unmapped-user-teams';
import { hubspotUserTeams } from './use-cases/agreements/hubspot-user-teams';
import { webhooksRouter } from './http/routes/webhooks-router';
import { oauthRouter } from './http/routes/oauth-router';
import { startWebServer, stopWebServer, type WebServer } from './http/web-server';
import { configSecrets, createLogger, type Logger } from './logger';
import { registerProcessInbox } from './jobs/handlers/process-inbox-handler';
import { registerRescore } from './jobs/handlers/rescore-handler';
import { compiledWorkerPrefetcher } from './jobs/rescore-prefetch/worker-thread-prefetcher';
import { registerSyncContacts } from './jobs/handlers/sync-contacts-handler';
import { registerFullImport } from './jobs/handlers/full-import-handler';
import { registerWriteBack } from './jobs/handlers/write-back-handler';
import { registerSlaSweep, scheduleSlaSweeps } from './jobs/handlers/sla-sweep-handler';
import { registerSafetyNet, scheduleSafetyNets } from './jobs/handlers/safety-net-handler';
import { createApiClientGateway } from './hubspot/api-client-gateway';
import { withPortalTimeZone } from './hubspot/portal-time-zone-gateway';
import { portalTimeZone } from './use-cases/install/portal-time-zone';
import { disconnectRefusedPortal } from './use-cases/install/disconnect-refused-portal';
import { pausedPortals } from './use-cases/write-back/paused-portals';
import { portalGateways } from './use-cases/write-back/portal-gateways';
import { refreshingInstallations } from './use-cases/install/refreshing-installations';
import { enqueueWriteBack } from './use-cases/write-back/enqueue-write-back';
import { createJobRegistry, type JobRegistry } from './jobs/job-registry';
import { createJobWorker, type JobEvent, type JobWorker } from './jobs/job-worker';
import { enableProcessMetrics, jobOutcomes, metricsRegistry, reportQueueDepthFrom } from './metrics';
import { createStore, type Store } from './store/create-store';
import { domainEngine } from './use-cases/rescore/domain-engine';

/** Which parts of the service a process runs: the HTTP app, the job worker, or both. */
export const ROLES = ['web', 'worker', 'all'] as const;
export type Role = (typeof ROLES)[number];

/** A started service: where it listens (web roles) and how to drain it. */
export interface RunningService {
  config: Config;
  logger: Logger;
  url: string | undefined;
  /** Stops taking requests, lets the worker finish or release its jobs, closes the store. */
  stop(): Promise<void>;
}

/** What every router factory gets: the real adapters, built once here. */
interface RouteContext {
  config: Config;
  logger: Logger;
  store: Store;
}

/** The routers of the webhook, OAuth, card, settings and report areas, in mount order. */
function buildRouters(context: RouteContext): RequestHandler[] {
  const gatewayFor = (accessToken: string) =>
    createApiClientGateway({ accessToken, basePath: context.config.hubspot.apiBaseUrl });
  const userTeams =
    hubspotMode(context.config) === 'not-configured'
      ? unmappedUserTeams
      : hubspotUserTeams(portalGatewaysOf(context));
  return [
    webhooksRouter(context),
    ...apiRouters({ ...context, userTeams, gatewayFor: portalGatewaysFor(context) }),
    oauthRouter({ ...context, gatewayFor }),
  ];
}

/** The portals' HubSpot gateways for the settings API, or none when HubSpot is not configured. */
const portalGatewaysFor = (context: RouteContext) =>
  hubspotMode(context.config) === 'not-configured' ? undefined : portalGatewaysOf(context);

/**
 * A HubSpot gateway per portal: the static token's portal, or each installation's refreshed OAuth token.
 * A DAILY 429 pauses the portal until midnight in its time zone (its active agreement's), UTC when unknown.
 */
function portalGatewaysOf({ config, store, logger }: RouteContext) {
  const { clientId, clientSecret, apiBaseUrl } = config.hubspot;
  const timeZoneOf = portalTimeZone(store);
  const gateways = portalGateways({
    installations:
      clientId && clientSecret
        ? refreshingInstallations(store, { clientId, clientSecret, apiBaseUrl })
        : store.installations,
    ...(config.hubspot.accessToken && config.hubspot.portalId
      ? {
          staticToken: {
            portalId: String(config.hubspot.portalId),
            accessToken: config.hubspot.accessToken,
          },
        }
      : {}),
    create: (accessToken) => createApiClientGateway({ accessToken, basePath: config.hubspot.apiBaseUrl }),
  });
  return (portalId: string) =>
    withPortalTimeZone(gateways(portalId), { portalId, timeZoneOf: () => timeZoneOf(portalId), log: logger });
}

/** The job handlers of every area (rescore, sync, write-back, SLA sweep...). */
function buildJobRegistry(context: RouteContext): JobRegistry {
  const { config, logger, store } = context;
  const registry = createJobRegistry();
  // SQLite: the next page is read and scored in a worker thread (second core) while one is written.
  const prefetch = store.engine === 'sqlite' ? compiledWorkerPrefetcher(config.dataDir) : undefined;
  registerRescore(
    registry,
    store,
    domainEngine,
    (portalId) => enqueueWriteBack(store.jobs, portalId, Date.now()),
    prefetch,
  );
  const gatewayFor = portalGatewaysOf(context);
  registerWriteBack(registry, { store, limitPer10s: config.hubspot.requestsPer10s, log: logger, gatewayFor });
  registerProcessInbox(registry, store.ctx);
  registerSyncContacts(registry, { ctx: store.ctx, gatewayFor, engine: domainEngine });
  registerFullImport(registry, { ctx: store.ctx, gatewayFor, engine: domainEngine });
  registerSlaSweep(registry, store);
  if (hubspotMode(config) !== 'not-configured') {
    const intervalMs = config.safetyNetIntervalMs;
    registerSafetyNet(registry, {
      ctx: store.ctx,
      gatewayFor,
      engine: domainEngine,
      jobs: store.jobs,
      intervalMs,
    });
  }
  return registry;
}

function logJobEvent(logger: Logger, { outcome, job, error }: JobEvent): void {
  jobOutcomes.inc({ type: job.type, outcome });
  const line = { jobId: job.id, type: job.type, attempts: job.attempts, outcome };
  if (outcome === 'dead') logger.error({ ...line, err: error }, 'job failed for good');
  else if (outcome === 'retry') logger.warn({ ...line, err: error }, 'job failed; will retry');
  else if (outcome === 'parked')
    logger.warn(
      { ...line, portalId: job.portalId, err: error },
      'portal disconnected: job waits for a reinstall',
    );
  else logger.info(line, 'job finished');
}

/** Starts leasing jobs, unless no area has registered a handler yet. */
function startWorker(context: RouteContext): JobWorker | undefined {
  const { logger, store } = context;
  const registry = buildJobRegistry(context);
  if (registry.types().length === 0) {
    logger.warn('no job handlers are registered: the worker stays idle');
    return undefined;
  }
  const worker = createJobWorker({
    leases: store.jobLeases,
    registry,
    onEvent: (event) => logJobEvent(logger, event),
    onRefused: disconnectRefusedPortal(store.installations),
  });
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

function notices(config: Config): string[] {
  if (hubspotMode(config) !== 'not-configured') return [];
  return ['HubSpot is not connected yet: see the README section "Connecting HubSpot".'];
}

async function startWeb(context: RouteContext): Promise<WebServer> {
  const { config, logger, store } = context;
  const readiness = createReadiness({
    store,
    logger,
    notices: notices(config),
    portalProblems: async () => [
      ...(await disconnectedPortals(store.installations)),
      ...(await pausedPortals(
        store,
        Date.now(),
        config.hubspot.portalId ? [String(config.hubspot.portalId)] : [],
      )),
    ],
  });
  const app = createApp({ logger, readiness, metrics: metricsRegistry, routers: buildRouters(context) });
  return startWebServer(app, config.port);
}

/** Closes the store before passing a start-up failure on. */
const closing =
  (store: Store) =>
  async (error: unknown): Promise<never> => {
    await store.close();
    throw error;
  };

/** The composition root: config, logger, store, web app and worker for `role`. */
export async function startService(
  role: Role,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningService> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel, secrets: configSecrets(config) });
  const store = await createStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    tokenEncryptionKey: config.tokenEncryptionKey?.toString('hex'),
  });
  enableProcessMetrics();
  const context = { config, logger, store };
  const web = role === 'worker' ? undefined : await startWeb(context).catch(closing(store));
  if (web) reportQueueDepthFrom(() => store.jobs.counts());
  const worker = role === 'web' ? undefined : startWorker(context);
  const hubspot = hubspotMode(config);
  logger.info({ role, engine: store.engine, url: web?.url, hubspot }, 'lead-pact started');
  return {
    config,
    logger,
    url: web?.url,
    async stop() {
      logger.info({ role }, 'draining');
      if (web) await stopWebServer(web);
      await worker?.stop();
      reportQueueDepthFrom(undefined);
      await store.close();
      logger.info({ role }, 'stopped');
    },
  };
}
