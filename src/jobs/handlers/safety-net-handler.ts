import { z } from 'zod';
import type { InstallationsPort } from '../../use-cases/ports/installations';
import type { JobsPort } from '../../use-cases/ports/jobs';
import { catchUpModified, type SafetyNetDeps } from '../../use-cases/sync-safety-net/catch-up-modified';
import type { JobHandler, JobRegistry } from '../job-registry';

/** The periodic search of one portal for contacts modified since its last run (missed webhooks). */
export const SAFETY_NET_JOB = 'safety-net';

export const safetyNetPayloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
});
export type SafetyNetPayload = z.infer<typeof safetyNetPayloadSchema>;

type Jobs = Pick<JobsPort, 'enqueue'>;

/**
 * Queues the portal's safety net to run at `at` (or now, if that has passed), at most one per portal per interval
 * slot: the slot containing `at` names the job, so workers scheduling the same slot queue it once. It runs at `at`,
 * not at the slot's start, so a run just before a slot boundary is not followed by another seconds later.
 */
export async function scheduleSafetyNet(
  jobs: Jobs,
  portalId: string,
  intervalMs: number,
  at: number,
  now: number,
): Promise<void> {
  const slot = Math.floor(at / intervalMs) * intervalMs;
  await jobs.enqueue(
    {
      type: SAFETY_NET_JOB,
      portalId,
      payload: { portalId },
      idempotencyKey: `${SAFETY_NET_JOB}:${portalId}:${slot}`,
      runAt: Math.max(at, now),
    },
    now,
  );
}

/** Queues a safety net now for every connected portal and the static-token portal (when a worker starts). */
export async function scheduleSafetyNets(
  store: { jobs: Jobs; installations: Pick<InstallationsPort, 'list'> },
  intervalMs: number,
  now: number,
  alsoPortalIds: readonly string[] = [],
): Promise<void> {
  const connected = (await store.installations.list('connected')).map((i) => i.portalId);
  for (const portalId of new Set([...connected, ...alsoPortalIds]))
    await scheduleSafetyNet(store.jobs, portalId, intervalMs, now, now);
}

/** Runs the portal's safety net and queues the next one an interval later, even when this one failed. */
export function safetyNetHandler(
  deps: SafetyNetDeps & { jobs: Jobs; intervalMs: number },
): JobHandler<SafetyNetPayload> {
  const now = deps.now ?? Date.now;
  return async ({ portalId }, ctx) => {
    try {
      const withSignal = { ...deps, gatewayFor: (portal: string) => deps.gatewayFor(portal, ctx.signal) };
      return await catchUpModified(withSignal, portalId, {
        signal: ctx.signal,
        onProgress: (progress) => ctx.progress(progress),
      });
    } finally {
      await scheduleSafetyNet(deps.jobs, portalId, deps.intervalMs, now() + deps.intervalMs, now());
    }
  };
}

/** Registers the safety-net handler. */
export function registerSafetyNet(
  registry: JobRegistry,
  deps: SafetyNetDeps & { jobs: Jobs; intervalMs: number },
): JobRegistry {
  return registry.register(SAFETY_NET_JOB, safetyNetPayloadSchema, safetyNetHandler(deps));
}
