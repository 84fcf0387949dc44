import type { IncomingMessage } from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger';
import { errorMiddleware, notFound } from './error-middleware';
import { healthRouter } from './health-router';
import type { ReadinessReport } from './readiness';
import { requestLogging } from './request-logging';

/** hubspot.fetch bodies are capped at 1 MB by HubSpot; webhook batches are far smaller. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Everything the web app needs, as narrow ports; routers of other areas plug in through `routers`. */
export interface AppDeps {
  logger: Logger;
  readiness: () => Promise<ReadinessReport>;
  metrics: Registry;
  /** Routers (webhooks, oauth, card, settings, report...) mounted after body parsing, in order. */
  routers?: RequestHandler[];
  jsonLimitBytes?: number;
}

/** Keeps the exact bytes of a JSON body on `req.rawBody` for signature checks. */
function keepRawBody(req: IncomingMessage, _res: unknown, buffer: Buffer): void {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buffer;
}

/** The Express app: request logging, JSON bodies (raw bytes kept), health routes, plug-in routers, one error shape. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Every answer is a fresh per-request JSON (hubspot.fetch, webhooks): no client revalidates, so no ETag hashing.
  app.disable('etag');
  app.use(requestLogging(deps.logger));
  app.use(healthRouter(deps));
  app.use(express.json({ limit: deps.jsonLimitBytes ?? JSON_BODY_LIMIT_BYTES, verify: keepRawBody }));
  for (const router of deps.routers ?? []) app.use(router);
  app.use(notFound);
  app.use(errorMiddleware(deps.logger));
  return app;
}
