import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { Logger } from '../../logger';
import { COMPANY_CONTACTS_JOB, companyContactsPayloadSchema } from '../../use-cases/intake/intake-jobs';
import { syncCompanyContacts, type CompanyFanOutDeps } from '../../use-cases/intake/sync-company-contacts';
import type { JobRegistry } from '../job-registry';

/** The portal's gateway; `signal` ends a wait for the portal's request budget. */
type GatewayFor = (portalId: string, signal?: AbortSignal) => HubSpotGateway | Promise<HubSpotGateway>;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Registers the handler that walks changed companies' contacts and queues each for a sync. */
export function registerSyncCompanyContacts(
  registry: JobRegistry,
  deps: Omit<CompanyFanOutDeps, 'gatewayFor'> & { gatewayFor: GatewayFor; log?: Pick<Logger, 'info'> },
): JobRegistry {
  return registry.register(COMPANY_CONTACTS_JOB, companyContactsPayloadSchema, async (payload, ctx) => {
    const { portalId, companyIds } = payload;
    const result = await syncCompanyContacts(
      { ...deps, gatewayFor: (portal) => deps.gatewayFor(portal, ctx.signal) },
      portalId,
      companyIds,
      { run: `job-${ctx.job.id}`, signal: ctx.signal },
    );
    deps.log?.info(
      { portalId, companyIds: companyIds.slice(0, 10), ...result },
      `portal ${portalId}: ${plural(result.companies, 'changed company', 'changed companies')}, ` +
        `${plural(result.queued, 'contact')} queued for a sync (${plural(result.requests, 'association request')})`,
    );
    return result;
  });
}
