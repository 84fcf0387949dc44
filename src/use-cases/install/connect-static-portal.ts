import type { InstallationsPort } from '../ports/installations';
import type { InstallJobs } from './install-ports';
import { SET_UP_PORTAL_JOB } from './set-up-portal';

/**
 * At start in static-token mode: the portal gets an installation row like an installed one (so team mapping,
 * propose and approve work for it; its token stays in the environment, never in the store), marked connected
 * again if a refused token had disconnected it, and its set-up job is queued for this start.
 */
export async function connectStaticPortal(
  store: { installations: Pick<InstallationsPort, 'get' | 'connect'>; jobs: InstallJobs },
  portalId: string,
  now: number,
): Promise<void> {
  const existing = await store.installations.get(portalId);
  if (existing?.status !== 'connected') await store.installations.connect(portalId, null, [], now);
  await store.jobs.enqueue(
    {
      type: SET_UP_PORTAL_JOB,
      portalId,
      payload: { portalId },
      idempotencyKey: `${SET_UP_PORTAL_JOB}:${portalId}:${now}`,
      maxAttempts: 10,
      runAt: now,
    },
    now,
  );
}
