import { z } from 'zod';
import type { InstallationsPort } from '../../use-cases/ports/installations';
import type { JobsPort } from '../../use-cases/ports/jobs';
import { sweepSla } from '../../use-cases/sla/sweep-sla';
import type { SlaSweepStore } from '../../use-cases/sla/sla-sweep-ports';
import type { JobHandler, JobRegistry } from '../job-registry';

/** The periodic SLA sweep of one portal. */
export const SLA_SWEEP_JOB = 'sla-sweep';
/** How often each portal is swept. */
export const SLA_SWEEP_INTERVAL_MS = 15 * 60_000;

export const slaSweepPayloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
});
export type SlaSweepPayload = z.infer<typeof slaSweepPayloadSchema>;

/** Where sweeps are queued. */
type SweepQueue = { jobs: Pick<JobsPort, 'enqueue'> };
/** What the handler sweeps with and queues the next sweep on. */
export type SlaSweepDeps = SlaSweepStore & SweepQueue;

/**
 * Queues the sweep of `portalId` to run at `at` (or now, if that has passed), at most one per portal per interval
 * slot (the slot containing `at` names the job), so a sweep just before a slot boundary is not followed by another
 * seconds later.
 */
export async function scheduleSlaSweep(store: SweepQueue, portalId: string, at: number, now: number) {
  const slot = Math.floor(at / SLA_SWEEP_INTERVAL_MS) * SLA_SWEEP_INTERVAL_MS;
  await store.jobs.enqueue(
    {
      type: SLA_SWEEP_JOB,
      portalId,
      payload: { portalId },
      idempotencyKey: `${SLA_SWEEP_JOB}:${portalId}:${slot}`,
      runAt: Math.max(at, now),
    },
    now,
  );
}

/** Queues a sweep now for every connected portal (called when a worker starts). */
export async function scheduleSlaSweeps(
  store: SweepQueue & { installations: Pick<InstallationsPort, 'list'> },
  now: number,
): Promise<void> {
  for (const { portalId } of await store.installations.list('connected'))
    await scheduleSlaSweep(store, portalId, now, now);
}

/** Sweeps the portal, then queues its next sweep one interval later. */
export function slaSweepHandler(
  store: SlaSweepDeps,
  now: () => number = Date.now,
): JobHandler<SlaSweepPayload> {
  return async ({ portalId }) => {
    const result = await sweepSla(store, portalId, now());
    await scheduleSlaSweep(store, portalId, now() + SLA_SWEEP_INTERVAL_MS, now());
    return result;
  };
}

/** Registers the SLA sweep handler. */
export function registerSlaSweep(registry: JobRegistry, store: SlaSweepDeps): JobRegistry {
  return registry.register(SLA_SWEEP_JOB, slaSweepPayloadSchema, slaSweepHandler(store));
}
