import { z } from 'zod';
import { rescorePortal } from '../../use-cases/rescore/rescore-portal';
import type { RescoreDeps } from '../../use-cases/rescore/rescore-ports';
import type { JobHandler, JobRegistry } from '../job-registry';

/** The job type agreement approval enqueues. */
export const RESCORE_JOB = 'rescore';

/** `{portalId, agreementVersion}`, as the agreement lifecycle enqueues it. */
export const rescorePayloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
  agreementVersion: z.number().int().positive(),
});

export type RescorePayload = z.infer<typeof rescorePayloadSchema>;

/** Called after each committed batch that queued writes (e.g. to wake the portal's write-back job). */
export type AfterWrites = (portalId: string) => Promise<void>;

/** Called once a rescore has gone through every stored contact (e.g. to import a portal never imported). */
export type AfterRescore = (payload: RescorePayload) => Promise<void>;

/** Maps a rescore job onto the rescore use case, reporting its progress on the job. */
export function rescoreHandler(
  deps: RescoreDeps,
  afterWrites?: AfterWrites,
  afterRescore?: AfterRescore,
): JobHandler<RescorePayload> {
  return async (payload, ctx) => {
    let changed = 0;
    const result = await rescorePortal(deps, {
      ...payload,
      signal: ctx.signal,
      onProgress: async (progress) => {
        await ctx.progress(progress);
        if (afterWrites && progress.changed > changed) await afterWrites(payload.portalId);
        changed = progress.changed;
      },
    });
    await afterRescore?.(payload);
    return result;
  };
}

/**
 * Registers the rescore handler on its store, page source (which may read ahead in a worker thread) and engine;
 * `afterWrites` runs after each batch that queued writes, `afterRescore` once it is done.
 */
export function registerRescore(
  registry: JobRegistry,
  deps: RescoreDeps,
  afterWrites?: AfterWrites,
  afterRescore?: AfterRescore,
): JobRegistry {
  return registry.register(
    RESCORE_JOB,
    rescorePayloadSchema,
    rescoreHandler(deps, afterWrites, afterRescore),
  );
}
