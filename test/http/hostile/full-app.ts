import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { createApp } from '../../../src/http/create-app';
import { disconnectedPortals } from '../../../src/http/disconnected-portals';
import { createReadiness } from '../../../src/http/readiness';
import { apiRouters } from '../../../src/composition/api-routers';
import { oauthRouter } from '../../../src/http/routes/oauth-router';
import { webhooksRouter } from '../../../src/http/routes/webhooks-router';
import { workflowActionRouter } from '../../../src/http/routes/workflow-action-router';
import { storeCardPorts } from '../../../src/composition/store-card-ports';
import { AppError } from '../../../src/domain/app-error';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { startWebServer, stopWebServer } from '../../../src/http/web-server';
import { createLogger } from '../../../src/logger';
import { metricsRegistry } from '../../../src/metrics';
import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import { createStore } from '../../../src/store/create-store';
import { pausedPortals } from '../../../src/use-cases/write-back/paused-portals';
import {
  CLIENT_SECRET,
  NOW,
  PUBLIC_BASE_URL,
  signedPath,
  TEAMS,
  testAppConfig,
  USER_IDS,
  type Api,
} from '../routes/api-harness';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

/** One route a router serves. */
export interface RouteEntry {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route the routers serve, read from Express's own stacks (so a route added later is covered too). */
export function routesOf(routers: RequestHandler[]): RouteEntry[] {
  const found: RouteEntry[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) {
          for (const p of paths) found.push({ method: method.toUpperCase(), path: p });
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(routers.map((router) => ({ handle: router as unknown as { stack?: Layer[] } })));
  return found;
}

/**
 * The whole web app as `lead-pact serve --role web` mounts it (webhooks, API, OAuth, probes, readiness with
 * disconnected and paused portals), HubSpot unreachable.
 */
export interface FullApp extends Api {
  routes: RouteEntry[];
}

const teamsById = new Map(Object.entries(USER_IDS).map(([name, id]) => [String(id), TEAMS[name] ?? []]));

/** Starts the full app on port 0 over a fresh SQLite store, with the API harness's secret, users and clock. */
export async function startFullApp(): Promise<FullApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lead-pact-full-'));
  const store = await createStore({ dataDir });
  const logger = createLogger({ level: 'silent' });
  // Nothing listens at HubSpot's address: a route that reached HubSpot would fail, never hang.
  const config = testAppConfig('http://127.0.0.1:9');
  const clock = { now: () => NOW };
  const userTeams = { teamIdsOf: async (_portal: string, userId: string) => teamsById.get(userId) ?? [] };
  const gatewayFor = () => {
    throw new Error('no HubSpot in this test');
  };
  // The workflow action meets HubSpot unreachable, as a real outage shows it (its answer then blocks the enrollment).
  const unreachable = () => {
    throw new AppError('upstream_failed', 'no HubSpot in this test');
  };
  const workflowPorts = {
    card: storeCardPorts(store, config, clock),
    sync: { store, gatewayFor: unreachable, engine: domainEngine },
    jobs: store.jobs,
    callbacks: unreachable,
  };
  const routers: RequestHandler[] = [
    webhooksRouter({ config, store, logger }),
    workflowActionRouter({ config, ports: workflowPorts }),
    ...apiRouters({ config, store, userTeams, clock, logger }),
    oauthRouter({ config, store, logger, gatewayFor, clock, oauthFor: hubspotOAuth }),
  ];
  const readiness = createReadiness({
    store,
    logger,
    portalProblems: async () => [
      ...(await disconnectedPortals(store.installations)),
      ...(await pausedPortals(store, Date.now())),
    ],
  });
  const app = createApp({ logger, readiness, metrics: metricsRegistry, routers });
  const web = await startWebServer(app, 0, '127.0.0.1');
  const signed: Api['signed'] = (method, pathAndQuery, { portalId, user, body }) => {
    const full = signedPath(pathAndQuery, portalId, USER_IDS[user] ?? 0);
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const headers = signHubSpotRequest({
      clientSecret: CLIENT_SECRET,
      method,
      url: PUBLIC_BASE_URL + full,
      body: text,
    });
    return () => fetch(web.url + full, { method, headers, body: text });
  };
  const probes = ['/healthz', '/readyz', '/metrics'].map((p) => ({ method: 'GET', path: p }));
  return {
    store,
    url: web.url,
    routes: [...probes, ...routesOf(routers)],
    call: (method, pathAndQuery, options) => signed(method, pathAndQuery, options)(),
    signed,
    async close() {
      await stopWebServer(web);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A metric's value from the app's /metrics (0 when never incremented). */
export async function metricOf(app: { url: string }, name: string): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
