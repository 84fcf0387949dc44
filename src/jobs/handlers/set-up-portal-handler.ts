import { z } from 'zod';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { Logger } from '../../logger';
import type { InstallationsPort } from '../../use-cases/ports/installations';
import type { JobsPort } from '../../use-cases/ports/jobs';
import { SET_UP_PORTAL_JOB, setUpPortal } from '../../use-cases/install/set-up-portal';
import type { JobRegistry } from '../job-registry';

const payloadSchema = z.object({
  portalId: z.union([z.string().min(1), z.number().int()]).transform(String),
});

/** What the set-up handler needs from the composition root. */
export interface SetUpPortalHandlerDeps {
  gatewayFor: (portalId: string, signal?: AbortSignal) => HubSpotGateway;
  installations: Pick<InstallationsPort, 'setTimeZone'>;
  jobs: Pick<JobsPort, 'enqueue'>;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** Registers the handler that readies a static-token portal (properties, time zone, first import) and logs it. */
export function registerSetUpPortal(registry: JobRegistry, deps: SetUpPortalHandlerDeps): JobRegistry {
  return registry.register(SET_UP_PORTAL_JOB, payloadSchema, async ({ portalId }, ctx) => {
    const gateway = deps.gatewayFor(portalId, ctx.signal);
    const result = await setUpPortal({ ...deps, gateway }, portalId, Date.now());
    const { created, optionsAdded } = result.properties;
    deps.log.info(
      { portalId, created: created.length, optionsAdded: optionsAdded.length },
      `portal ${portalId}: Lead Pact properties ready (${created.length} created, ${optionsAdded.length} with new options)` +
        (result.importQueued ? '; full import of its contacts queued' : ''),
    );
    if (!result.timeZone.ok)
      deps.log.warn(
        { portalId },
        `portal ${portalId}: account time zone unknown (${result.timeZone.message})`,
      );
    return result;
  });
}
