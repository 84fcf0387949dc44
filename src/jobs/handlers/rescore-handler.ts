import { z } from 'zod';
import { rescorePortal } from '../../use-cases/rescore/rescore-portal';
import type { RescoreStore, ScoringEngine } from '../../use-cases/rescore/rescore-ports';
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

/** Maps a rescore job onto the rescore use case, reporting its progress on the job. */
export function rescoreHandler(store: RescoreStore, engine: ScoringEngine): JobHandler<RescorePayload> {
  return (payload, ctx) =>
    rescorePortal(store, engine, { ...payload, signal: ctx.signal, onProgress: (p) => ctx.progress(p) });
}

/** Registers the rescore handler. */
export function registerRescore(
  registry: JobRegistry,
  store: RescoreStore,
  engine: ScoringEngine,
): JobRegistry {
  return registry.register(RESCORE_JOB, rescorePayloadSchema, rescoreHandler(store, engine));
}
