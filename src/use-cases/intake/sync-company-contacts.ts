import { z } from 'zod';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import { nextCompanyContacts } from './next-company-contacts';
import { queueSyncs } from './queue-syncs';
import type { CompanyFanOutStore } from './sync-ports';

/** What a fan-out needs: the store, and HubSpot through the portal's budgeted gateway. */
export interface CompanyFanOutDeps {
  store: CompanyFanOutStore;
  gatewayFor: (portalId: string) => Pick<HubSpotGateway, 'readCompanyContacts'> | Promise<HubSpotGateway>;
  now?: () => number;
}

/** What a fan-out did. */
export interface CompanyFanOutResult {
  companies: number;
  /** Association requests sent to HubSpot (each took one slot of the portal's budget). */
  requests: number;
  /** Contacts queued for a sync; ones already waiting for one are not counted. */
  queued: number;
}

const cursorSchema = z.object({
  rest: z.array(z.object({ companyId: z.string(), after: z.string().optional() })),
  requests: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
});

/**
 * Walks the contacts of changed companies (association pages of up to 100 companies per request) and queues each
 * contact for a sync like a contact change: re-read with its primary company, qualified, only changed properties
 * written back. `run` names the walk: its cursor moves in the same transaction as the syncs it queued, so a walk
 * that stopped (crash, rate limit, lost lease) resumes at the next page and queues nothing twice.
 */
export async function syncCompanyContacts(
  deps: CompanyFanOutDeps,
  portalId: string,
  companyIds: readonly string[],
  options: { run: string; signal?: AbortSignal },
): Promise<CompanyFanOutResult> {
  const now = deps.now ?? Date.now;
  const name = `company-contacts:${options.run}`;
  const saved = cursorSchema.safeParse(await deps.store.checkpoints.get(portalId, name));
  let cursor = saved.success
    ? saved.data
    : { rest: [...new Set(companyIds)].map((companyId) => ({ companyId })), requests: 0, queued: 0 };
  const gateway = await deps.gatewayFor(portalId);
  while (cursor.rest.length > 0) {
    options.signal?.throwIfAborted();
    const step = await nextCompanyContacts(gateway, cursor.rest);
    const at = now();
    cursor = await deps.store.transaction(async (tx) => {
      const queued = await queueSyncs(tx, portalId, step.contactIds, `${name}:${cursor.requests}`, at);
      const next = { rest: step.rest, requests: cursor.requests + 1, queued: cursor.queued + queued };
      if (next.rest.length > 0) await tx.checkpoints.set(portalId, name, next, at);
      else await tx.checkpoints.delete(portalId, name);
      return next;
    });
  }
  return { companies: new Set(companyIds).size, requests: cursor.requests, queued: cursor.queued };
}
