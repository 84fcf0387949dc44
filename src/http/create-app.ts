import express, { type Express, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger';
import { closeUnreadBodies } from './close-unread-bodies';
import { errorMiddleware, notFound } from './error-middleware';
import { healthRouter } from './health-router';
import type { ReadinessReport } from './readiness';
import { requestLogging } from './request-logging';

/** Everything the web app needs, as narrow ports; routers of other areas plug in through `routers`. */
export interface AppDeps {
  logger: Logger;
  readiness: () => Promise<ReadinessReport>;
  metrics: Registry;
  /**
   * Routers (webhooks, oauth, card, settings, report...) mounted in order. No body is parsed before them: a route
   * that takes one reads it behind requireHubSpotSignature (bounded, verified, then parsed); every other takes none.
   */
  routers?: RequestHandler[];
}

/**
 * The Express app: request logging, health routes, plug-in routers, one error shape. No global body parser, and a
 * body nobody read ends its connection (closeUnreadBodies).
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every answer is a fresh per-request JSON (hubspot.fetch, webhooks): no client revalidates, so no ETag hashing.
  app.disable('etag');
  app.use(requestLogging(deps.logger));
  app.use(closeUnreadBodies);
  app.use(healthRouter(deps));
  for (const router of deps.routers ?? []) app.use(router);
  app.use(notFound);
  app.use(errorMiddleware(deps.logger));
  return app;
}
