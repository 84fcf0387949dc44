import type { RequestHandler } from 'express';
import { hubspotMode, loadConfig, type Config } from './config';
import { createApp } from './http/create-app';
import { disconnectedPortals } from './http/disconnected-portals';
import { createReadiness } from './http/readiness';
import { apiRouters } from './composition/api-routers';
import { compiledThreadSimulationRunner } from './composition/simulation-thread/thread-simulation-runner';
import { noHubSpotUsers } from './http/routes/no-hubspot-users';
import { hubspotUsers } from './use-cases/agreements/hubspot-users';
import { webhooksRouter } from './http/routes/webhooks-router';
import { oauthRouter } from './http/routes/oauth-router';
import { startWebServer, stopWebServer, type WebServer } from './http/web-server';
import { configSecrets, createLogger, type Logger } from './logger';
import { pausedPortals } from './use-cases/write-back/paused-portals';
import { enableProcessMetrics, metricsRegistry, reportQueueDepthFrom } from './metrics';
import { createStore, type Store } from './store/create-store';
import { installGatewayOf, portalGatewaysOf, type ServiceContext } from './composition/service-context';
import { startWorker } from './composition/start-worker';
import { leadsGatewaysOf } from './composition/leads-gateways';
import { workflowActionRouterOf } from './composition/workflow-action';
import { hubspotOAuth } from './composition/hubspot-oauth';
import { reportDeadJobsFrom } from './jobs/dead-jobs-gauge';
import { connectStaticPortal } from './use-cases/install/connect-static-portal';

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

/** The routers of the webhook, workflow action, OAuth, card, settings and report areas, in mount order. */
function buildRouters(context: ServiceContext): RequestHandler[] {
  const gatewayFor = installGatewayOf(context);
  // Teams decide a user's side; HubSpot super admins alone may change which teams are which side.
  const users =
    hubspotMode(context.config) === 'not-configured'
      ? noHubSpotUsers
      : hubspotUsers(portalGatewaysOf(context));
  return [
    webhooksRouter(context),
    workflowActionRouterOf(context),
    ...apiRouters({
      ...context,
      userTeams: users,
      superAdmins: users,
      gatewayFor: portalGatewaysFor(context),
      // The card names a Lead's stage as the portal's lead pipeline does (its own stages and renames).
      ...(hubspotMode(context.config) === 'not-configured'
        ? {}
        : { leadsGatewayFor: leadsGatewaysOf(context) }),
      simulationRunner: compiledThreadSimulationRunner(context.config),
    }),
    oauthRouter({ ...context, gatewayFor, oauthFor: hubspotOAuth }),
  ];
}

/** The portals' HubSpot gateways for the settings API, or none when HubSpot is not configured. */
const portalGatewaysFor = (context: ServiceContext) =>
  hubspotMode(context.config) === 'not-configured' ? undefined : portalGatewaysOf(context);

function notices(config: Config): string[] {
  if (hubspotMode(config) !== 'not-configured') return [];
  return ['HubSpot is not connected yet: see the README section "Connecting HubSpot".'];
}

async function startWeb(context: ServiceContext): Promise<WebServer> {
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
  const staticPortal = hubspotMode(config) === 'static-token' ? String(config.hubspot.portalId) : undefined;
  if (staticPortal) await connectStaticPortal(store, staticPortal, Date.now()).catch(closing(store));
  const context = { config, logger, store };
  const web = role === 'worker' ? undefined : await startWeb(context).catch(closing(store));
  if (web) {
    // A scrape during a database outage answers without the queue's numbers instead of failing /metrics.
    reportQueueDepthFrom(() => store.jobs.counts().catch(() => ({})));
    reportDeadJobsFrom(() => store.jobs.deadCounts());
  }
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
      reportDeadJobsFrom(undefined);
      await store.close();
      logger.info({ role }, 'stopped');
    },
  };
}
