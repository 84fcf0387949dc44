import { z } from 'zod';
import type { Logger } from '../../logger';
import {
  FULL_IMPORT_JOB,
  fullImport,
  type ImportDeps,
  type ImportProgress,
} from '../../use-cases/import/full-import';
import type { JobRegistry } from '../job-registry';
import { progressLine, secondsLeftAtPace, type PaceStart } from '../progress-pace';

/** Payload of a full-import job. */
export const fullImportPayloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
});

/** A progress line at most this often: a person follows an import of 100,000 contacts without 1,000 lines. */
export const IMPORT_LOG_INTERVAL_MS = 5_000;

/** Logs "import 3,400 / 12,000 contacts, 1m left" for the portal, at most every IMPORT_LOG_INTERVAL_MS. */
function progressLogger(log: Pick<Logger, 'info'>, portalId: string, now: () => number) {
  let paceFrom: PaceStart | undefined;
  let loggedAt = 0;
  return (progress: ImportProgress, last = false) => {
    const at = now();
    paceFrom ??= { at, done: progress.done };
    if (!last && at - loggedAt < IMPORT_LOG_INTERVAL_MS) return;
    loggedAt = at;
    const counts = { done: progress.done, total: progress.total ?? null };
    const left = last ? null : secondsLeftAtPace({ ...counts, paceFrom }, at);
    log.info(
      { portalId, ...counts, changed: progress.changed },
      progressLine(last ? 'import done:' : 'import', counts, left),
    );
  };
}

/** Registers the handler that reads every contact of a portal, reporting `{done, total, changed}` as it goes. */
export function registerFullImport(
  registry: JobRegistry,
  deps: ImportDeps & { log: Pick<Logger, 'info'> },
): JobRegistry {
  return registry.register(FULL_IMPORT_JOB, fullImportPayloadSchema, async (payload, ctx) => {
    const logProgress = progressLogger(deps.log, payload.portalId, deps.now ?? Date.now);
    const result = await fullImport(
      { ...deps, gatewayFor: (portalId) => deps.gatewayFor(portalId, ctx.signal) },
      payload.portalId,
      {
        signal: ctx.signal,
        onProgress: async (p) => {
          await ctx.progress(p);
          logProgress(p);
        },
      },
    );
    if (result.skipped)
      deps.log.info(
        { portalId: payload.portalId },
        'import waits for the first agreement: it starts when one is approved',
      );
    else logProgress(result, true);
    return result;
  });
}
