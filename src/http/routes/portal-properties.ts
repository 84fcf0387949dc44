import type { PropertiesResponse, PropertyOption } from '../../contracts/properties';
import type { HubSpotGateway } from '../../hubspot/hubspot-gateway';
import type { Logger } from '../../logger';
import type { ContactBatchesPort } from '../../use-cases/ports/contact-batches';

/** Contacts sampled for property names when HubSpot cannot be asked: enough to see every property a sync reads. */
const SAMPLE = 500;
/** Properties change rarely (an admin adds one); a settings session should not ask HubSpot on every page open. */
export const PROPERTIES_TTL_MS = 5 * 60_000;

/** What the properties list is built from. */
export interface PortalPropertiesDeps {
  store: { contactBatches: Pick<ContactBatchesPort, 'page'> };
  /** The portal's HubSpot gateway; absent when HubSpot is not configured. */
  gatewayFor?: (portalId: string) => Pick<HubSpotGateway, 'listProperties'>;
  logger?: Pick<Logger, 'warn'>;
  now?: () => number;
}

const named = (name: string): PropertyOption => ({
  name,
  label: name,
  type: 'string',
  fieldType: 'text',
  groupName: '',
  options: [],
});

/** The contact and company property names the portal's stored snapshots carry (what the sync reads), sorted. */
async function storedPropertyNames(
  deps: PortalPropertiesDeps,
  portalId: string,
): Promise<PropertiesResponse> {
  const contact = new Set<string>();
  const company = new Set<string>();
  for (const { contact: c } of await deps.store.contactBatches.page(portalId, null, SAMPLE)) {
    for (const name of Object.keys(c.properties)) contact.add(name);
    for (const name of Object.keys(c.company ?? {})) company.add(name);
  }
  const sorted = (names: Set<string>) => [...names].sort().map(named);
  return { source: 'stored_contacts', contact: sorted(contact), company: sorted(company) };
}

/**
 * The portal's real contact and company properties from HubSpot, kept per portal for PROPERTIES_TTL_MS (failures
 * are not kept). When HubSpot cannot be asked, the names seen on stored contacts, marked as such; the cause is
 * logged, the page only says HubSpot could not be reached.
 */
export function portalProperties(
  deps: PortalPropertiesDeps,
): (portalId: string) => Promise<PropertiesResponse> {
  const now = deps.now ?? Date.now;
  const kept = new Map<string, { until: number; list: Promise<PropertiesResponse> }>();
  const fromHubSpot = async (portalId: string): Promise<PropertiesResponse> => {
    const gateway = deps.gatewayFor!(portalId);
    const [contact, company] = await Promise.all([
      gateway.listProperties('contacts'),
      gateway.listProperties('companies'),
    ]);
    return { source: 'hubspot', contact, company };
  };
  return async (portalId) => {
    if (!deps.gatewayFor) return storedPropertyNames(deps, portalId);
    const hit = kept.get(portalId);
    if (hit && hit.until > now()) return hit.list;
    const list = fromHubSpot(portalId);
    kept.set(portalId, { until: now() + PROPERTIES_TTL_MS, list });
    try {
      return await list;
    } catch (error) {
      if (kept.get(portalId)?.list === list) kept.delete(portalId);
      deps.logger?.warn({ portalId, err: error }, 'listing HubSpot properties failed; using stored contacts');
      return storedPropertyNames(deps, portalId);
    }
  };
}
