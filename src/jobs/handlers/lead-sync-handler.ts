import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { LeadsGateway } from '../../hubspot/leads-gateway';
import {
  enqueueLeadSync,
  LEAD_SYNC_JOB,
  leadSyncPayloadSchema,
  type LeadSyncJobs,
  type LeadSyncPayload,
} from '../../use-cases/leads/lead-sync-jobs';
import { syncLeads, type LeadSyncLog, type LeadSyncStore } from '../../use-cases/leads/sync-leads';
import type { JobHandler, JobRegistry } from '../job-registry';

/** What the lead-sync handler is built from (the composition root supplies the real ones). */
export interface LeadSyncDeps {
  store: LeadSyncStore & { jobs: LeadSyncJobs };
  /** The portal's Leads gateway, its requests budgeted; `signal` ends a wait for the budget. */
  leadsGatewayFor: (portalId: string, signal?: AbortSignal) => LeadsGateway;
  /** The portal's HubSpot gateway (budgeted): the contacts of new Leads, the owners of a route's team. */
  gatewayFor: (portalId: string, signal?: AbortSignal) => Pick<HubSpotGateway, 'listOwners' | 'readContacts'>;
  log?: LeadSyncLog;
  now?: () => number;
  /** Waits inside a run for a retry due soon (default: a real, abortable sleep). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Sends the portal's handed-over Leads to HubSpot, then queues the next run while some wait (at its time). */
export function leadSyncHandler(deps: LeadSyncDeps): JobHandler<LeadSyncPayload> {
  return async ({ portalId }, ctx) => {
    const now = deps.now ?? Date.now;
    const result = await syncLeads(deps.store, {
      portalId,
      gateway: deps.leadsGatewayFor(portalId, ctx.signal),
      hubspot: deps.gatewayFor(portalId, ctx.signal),
      signal: ctx.signal,
      now,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.log ? { log: deps.log } : {}),
    });
    if (result.resumeAt !== undefined)
      await enqueueLeadSync(deps.store.jobs, portalId, now(), result.resumeAt);
    return result;
  };
}

/** Registers the lead-sync handler. */
export function registerLeadSync(registry: JobRegistry, deps: LeadSyncDeps): JobRegistry {
  return registry.register(LEAD_SYNC_JOB, leadSyncPayloadSchema, leadSyncHandler(deps));
}
