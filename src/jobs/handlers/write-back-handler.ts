import { z } from 'zod';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import { drainOutbox } from '../../use-cases/write-back/drain-outbox';
import {
  enqueueWriteBack,
  WRITE_BACK_JOB,
  type WriteBackJobs,
} from '../../use-cases/write-back/enqueue-write-back';
import type { WriteBackLog, WriteBackStore } from '../../use-cases/write-back/write-back-ports';
import type { JobHandler, JobRegistry } from '../job-registry';

/** `{portalId}` of the portal whose outbox to drain. */
export const writeBackPayloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
});
export type WriteBackPayload = z.infer<typeof writeBackPayloadSchema>;

/** What the write-back handler is built from (the composition root supplies the real ones). */
export interface WriteBackDeps {
  store: WriteBackStore & { jobs: WriteBackJobs };
  gatewayFor: (portalId: string) => Pick<HubSpotGateway, 'updateContacts'>;
  limitPer10s: number;
  log?: WriteBackLog;
  now?: () => number;
}

/** Drains the portal's outbox, then queues the next run while rows remain (after a pause, at its end). */
export function writeBackHandler(deps: WriteBackDeps): JobHandler<WriteBackPayload> {
  return async ({ portalId }, ctx) => {
    const now = deps.now ?? Date.now;
    const result = await drainOutbox(deps.store, {
      portalId,
      limitPer10s: deps.limitPer10s,
      gateway: deps.gatewayFor(portalId),
      signal: ctx.signal,
      now,
      ...(deps.log ? { log: deps.log } : {}),
    });
    if (result.resumeAt !== undefined)
      await enqueueWriteBack(deps.store.jobs, portalId, now(), result.resumeAt);
    return result;
  };
}

/** Registers the write-back handler. */
export function registerWriteBack(registry: JobRegistry, deps: WriteBackDeps): JobRegistry {
  return registry.register(WRITE_BACK_JOB, writeBackPayloadSchema, writeBackHandler(deps));
}
