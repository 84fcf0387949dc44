import type { NamesStatus } from '../../contracts/names';
import { isAppError } from '../../domain/app-error';
import type { Logger } from '../../logger';

/** Names by id, and where they came from (ids stand in for the ones missing). */
export interface Names {
  names: ReadonlyMap<string, string>;
  status: NamesStatus;
}

/** How a per-portal list of names is kept. */
export interface CachedNamesOptions {
  /** The HubSpot scope the names need, for the sentence that asks to grant it. */
  scope: string;
  /** What is read, for the log line when it fails ("team names"). */
  what: string;
  ttlMs: number;
  /** A failure is kept too, shorter: a missing scope does not come back by asking on every page view. */
  failureTtlMs: number;
  now: () => number;
  logger?: Pick<Logger, 'warn'>;
}

/** No names, and why: a 403 is the scope the token lacks; anything else, HubSpot could not be reached. */
export function namesMissing(error: unknown, scope: string): Names {
  const reason = isAppError(error, 'forbidden') ? 'missing_scope' : 'unreachable';
  return { names: new Map(), status: { source: 'ids', reason, scope } };
}

/**
 * Names read from HubSpot per portal, kept `ttlMs` (per process: names change rarely, and a stale one is only a
 * label). A failure never throws: it answers no names with the reason, logged once per `failureTtlMs`.
 */
export function cachedNames(
  load: (portalId: string) => Promise<Map<string, string>>,
  options: CachedNamesOptions,
): (portalId: string) => Promise<Names> {
  const kept = new Map<string, { until: number; names: Promise<Names> }>();
  return (portalId) => {
    const hit = kept.get(portalId);
    if (hit && hit.until > options.now()) return hit.names;
    const names: Promise<Names> = load(portalId).then(
      (found): Names => ({ names: found, status: { source: 'hubspot' } }),
      (error: unknown) => {
        if (kept.get(portalId)?.names === names)
          kept.set(portalId, { until: options.now() + options.failureTtlMs, names });
        options.logger?.warn({ portalId, err: error }, `reading HubSpot ${options.what} failed; showing ids`);
        return namesMissing(error, options.scope);
      },
    );
    kept.set(portalId, { until: options.now() + options.ttlMs, names });
    return names;
  };
}
