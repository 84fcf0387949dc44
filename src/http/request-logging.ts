import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { httpRequestDuration } from '../metrics';

// Probes are scraped every few seconds; logging each would drown the useful lines.
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The route pattern that matched (`/api/card`), or "unmatched", so labels stay few. */
function routeLabel(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  return route?.path === undefined ? 'unmatched' : `${req.baseUrl}${String(route.path)}`;
}

/** Gives each request an id, then logs it and records its latency when the answer is sent. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeLabel(req);
      httpRequestDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      const line = { requestId, method: req.method, path: req.path, route, status: res.statusCode, seconds };
      if (QUIET_PATHS.has(req.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
