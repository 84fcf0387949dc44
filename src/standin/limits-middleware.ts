import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { FailurePlan } from './failure-plan';
import { sendHubSpotError, sendRateLimited } from './hubspot-error-body';
import { RollingWindow, TEN_SECONDS_MS } from './rolling-window';
import type { StandinState } from './standin-state';

export interface LimitsOptions {
  perTenSeconds: number;
  daily?: number;
  /** Share of authorized requests answered 503 before doing anything (0..1). */
  failureRate: number;
  /** Search requests per token per second (HubSpot: 5). */
  searchPerSecond: number;
  /** Source of randomness for failure injection; injectable for tests. */
  random: () => number;
  now: () => number;
  /** Scripted 429s and 503s, checked after the windows (so a scripted failure still counts against them). */
  plan?: FailurePlan;
}

function sendUnavailable(res: Response): void {
  res
    .status(503)
    .type('text/html')
    .send('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function setRateHeaders(
  res: Response,
  options: LimitsOptions,
  remaining: number,
  dailyRemaining?: number,
): void {
  res.setHeader('X-HubSpot-RateLimit-Interval-Milliseconds', String(TEN_SECONDS_MS));
  res.setHeader('X-HubSpot-RateLimit-Max', String(options.perTenSeconds));
  res.setHeader('X-HubSpot-RateLimit-Remaining', String(remaining));
  if (options.daily !== undefined) {
    res.setHeader('X-HubSpot-RateLimit-Daily', String(options.daily));
    res.setHeader('X-HubSpot-RateLimit-Daily-Remaining', String(dailyRemaining ?? 0));
  }
}

/** Serves the request now but sends its answer `holdMs` later (lost if the caller is gone by then). */
function holdAnswer(res: Response, holdMs: number): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    setTimeout(() => end(...args), holdMs);
    return res;
  }) as Response['end'];
}

/**
 * For CRM routes: a Bearer token is required (401 like HubSpot otherwise), the rolling 10-second, daily and
 * search-per-second windows are enforced per token (429 with `policyName`), and a share of requests fails with 503,
 * as do the ones the failure plan picks.
 */
export function limitsMiddleware(state: StandinState, options: LimitsOptions): RequestHandler {
  const window = new RollingWindow({ perTenSeconds: options.perTenSeconds, daily: options.daily });
  const search = new RollingWindow({
    perTenSeconds: options.searchPerSecond,
    windowMs: 1000,
    policyName: 'SECONDLY',
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req);
    if (!token || state.revokedTokens.has(token)) {
      return sendHubSpotError(
        res,
        401,
        'Authentication credentials not found. This API supports OAuth 2.0 authentication.',
        'INVALID_AUTHENTICATION',
      );
    }
    res.locals.token = token;
    const isSearch = req.method === 'POST' && req.path.endsWith('/search');
    const searchVerdict = isSearch ? search.tryAcquire(token, options.now()) : undefined;
    const verdict =
      searchVerdict?.allowed === false ? searchVerdict : window.tryAcquire(token, options.now());
    setRateHeaders(res, options, verdict.remaining, verdict.dailyRemaining);
    if (!verdict.allowed) {
      state.stats.rateLimited[verdict.policyName] += 1;
      return sendRateLimited(res, verdict.policyName);
    }
    if (options.failureRate > 0 && options.random() < options.failureRate) {
      state.stats.injectedFailures += 1;
      return sendUnavailable(res);
    }
    const scripted = options.plan?.next(req.path, req.method);
    if (typeof scripted === 'object') {
      holdAnswer(res, scripted.holdMs);
    } else if (scripted !== undefined) {
      state.stats.scriptedFailures[scripted] += 1;
      return scripted === 429 ? sendRateLimited(res, 'TEN_SECONDLY_ROLLING') : sendUnavailable(res);
    }
    next();
  };
}
