import { COMPANY_CONTACTS_JOB, companyContactsPayloadSchema } from '../../use-cases/intake/intake-jobs';
import { syncCompanyContacts, type CompanyFanOutDeps } from '../../use-cases/intake/sync-company-contacts';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { JobRegistry } from '../job-registry';

/** The portal's gateway; `signal` ends a wait for the portal's request budget. */
type GatewayFor = (portalId: string, signal?: AbortSignal) => HubSpotGateway | Promise<HubSpotGateway>;

/** Registers the handler that walks changed companies' contacts and queues each for a sync. */
export function registerSyncCompanyContacts(
  registry: JobRegistry,
  deps: Omit<CompanyFanOutDeps, 'gatewayFor'> & { gatewayFor: GatewayFor },
): JobRegistry {
  return registry.register(COMPANY_CONTACTS_JOB, companyContactsPayloadSchema, (payload, ctx) =>
    syncCompanyContacts(
      { ...deps, gatewayFor: (portalId) => deps.gatewayFor(portalId, ctx.signal) },
      payload.portalId,
      payload.companyIds,
      { run: `job-${ctx.job.id}`, signal: ctx.signal },
    ),
  );
}
