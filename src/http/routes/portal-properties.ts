import type { PropertiesResponse, PropertyOption } from '../../contracts/properties';
import type { Store } from '../../store/create-store';

/** Contacts sampled for property names: enough to see every property a sync reads. */
const SAMPLE = 500;

const option = (name: string): PropertyOption => ({
  name,
  label: name,
  type: 'string',
  fieldType: 'text',
  options: [],
});

/**
 * The contact and company property names the portal's stored snapshots carry (what the sync reads), sorted.
 * Not the portal's full property list: that needs HubSpot's properties API, which no gateway is wired for here.
 */
export async function portalProperties(
  store: Pick<Store, 'contactBatches'>,
  portalId: string,
): Promise<PropertiesResponse> {
  const contact = new Set<string>();
  const company = new Set<string>();
  for (const { contact: c } of await store.contactBatches.page(portalId, null, SAMPLE)) {
    for (const name of Object.keys(c.properties)) contact.add(name);
    for (const name of Object.keys(c.company ?? {})) company.add(name);
  }
  const sorted = (names: Set<string>) => [...names].sort().map(option);
  return { contact: sorted(contact), company: sorted(company) };
}
