import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { JobRegistry } from './job-registry';
import { createJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker';

/** A lane: the job types one worker loop of the process leases; `rest` takes every type no other lane names. */
export interface JobLane {
  name: string;
  types: readonly string[] | 'rest';
}

/** The part of `registry` a lane leases and runs. */
function laneRegistry(registry: JobRegistry, keep: (type: string) => boolean): JobRegistry {
  const lane: JobRegistry = {
    register(type, schema, handler) {
      registry.register(type, schema, handler);
      return lane;
    },
    get: (type) => (keep(type) ? registry.get(type) : undefined),
    types: () => registry.types().filter(keep),
  };
  return lane;
}

/**
 * One worker per lane, started and stopped together: a job that waits (for HubSpot's request budget, say) holds
 * up only its own lane, so work that needs no HubSpot call (turning the webhook inbox into syncs) goes on. A lane
 * with no registered type gets no worker. The workers' ids are `<workerId>/<lane name>`.
 */
export function createLanedJobWorker(options: JobWorkerOptions, lanes: readonly JobLane[]): JobWorker {
  const base = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const named = new Set(lanes.flatMap((lane) => (lane.types === 'rest' ? [] : lane.types)));
  const workers = lanes
    .map(({ name, types }) => {
      const keep = types === 'rest' ? (t: string) => !named.has(t) : (t: string) => types.includes(t);
      return { name, registry: laneRegistry(options.registry, keep) };
    })
    .filter(({ registry }) => registry.types().length > 0)
    .map(({ name, registry }) => createJobWorker({ ...options, registry, workerId: `${base}/${name}` }));
  return {
    workerId: workers.map((w) => w.workerId).join(', '),
    start: () => workers.forEach((w) => w.start()),
    stop: async (graceMs) => {
      await Promise.all(workers.map((w) => w.stop(graceMs)));
    },
  };
}
