import { z } from 'zod';
import { rescorePortal } from '../../use-cases/rescore/rescore-portal';
import type { PrefetcherFactory, RescoreStore, ScoringEngine } from '../../use-cases/rescore/rescore-ports';
import type { JobHandler, JobRegistry } from '../job-registry';

/** The job type agreement approval enqueues. */
export const RESCORE_JOB = 'rescore';

/** `{portalId, version}` (as the agreement lifecycle enqueues it) or `{portalId, agreementVersion}`. */
export const rescorePayloadSchema = z
  .object({
    portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
    version: z.number().int().positive().optional(),
    agreementVersion: z.number().int().positive().optional(),
  })
  .refine((p) => (p.agreementVersion ?? p.version) !== undefined, {
    message: 'expected an agreement version',
  })
  .transform((p) => ({
    portalId: p.portalId,
    agreementVersion: (p.agreementVersion ?? p.version) as number,
  }));

export type RescorePayload = z.infer<typeof rescorePayloadSchema>;

/** Called after each committed batch that queued writes (e.g. to wake the portal's write-back job). */
export type AfterWrites = (portalId: string) => Promise<void>;

/** Called once a rescore has gone through every stored contact (e.g. to import a portal never imported). */
export type AfterRescore = (payload: RescorePayload) => Promise<void>;

/** Maps a rescore job onto the rescore use case, reporting its progress on the job. */
export function rescoreHandler(
  store: RescoreStore,
  engine: ScoringEngine,
  afterWrites?: AfterWrites,
  prefetch?: PrefetcherFactory,
  afterRescore?: AfterRescore,
): JobHandler<RescorePayload> {
  return async (payload, ctx) => {
    let changed = 0;
    const result = await rescorePortal(store, engine, {
      ...payload,
      signal: ctx.signal,
      prefetch,
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
 * Registers the rescore handler; `afterWrites` runs after each batch that queued writes; `prefetch` (SQLite)
 * scores the next page in a worker thread while the current one is written; `afterRescore` once it is done.
 */
export function registerRescore(
  registry: JobRegistry,
  store: RescoreStore,
  engine: ScoringEngine,
  afterWrites?: AfterWrites,
  prefetch?: PrefetcherFactory,
  afterRescore?: AfterRescore,
): JobRegistry {
  return registry.register(
    RESCORE_JOB,
    rescorePayloadSchema,
    rescoreHandler(store, engine, afterWrites, prefetch, afterRescore),
  );
}
