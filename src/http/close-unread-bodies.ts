import type { RequestHandler } from 'express';

/** The request announces body bytes: a length above 0, or chunked encoding. */
const carriesBody = (headers: Record<string, string | string[] | undefined>) =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * A request answered before its body was received (refused unsigned, too large, no such route, a route that takes
 * no body) gets `Connection: close`: the connection ends after the answer, so the bytes still on their way are
 * never read. Otherwise Node would pull every one of them off the wire to reuse the connection, and ten
 * connections posting 1 MB each, back to back, cost the card API twice its p99 (bench/card-api-bench.ts).
 * A body the route read (requireHubSpotSignature) leaves the connection open for the next request.
 */
export const closeUnreadBodies: RequestHandler = (req, res, next) => {
  if (carriesBody(req.headers)) {
    const writeHead = res.writeHead;
    // Node's implicit headers (res.end, res.json) go through writeHead too.
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!req.complete) this.setHeader('connection', 'close');
      return writeHead.apply(this, args);
    } as typeof writeHead;
  }
  next();
};
