import type { Client } from '@hubspot/api-client';
import type { CrmProperty } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

/**
 * `GET /crm/v3/properties/{objectType}` (archived ones are not returned by default). Hidden properties and hidden
 * options are left out: HubSpot hides them from users too, so a marketer would not recognise them in a picker.
 * Sorted by label, as HubSpot's own property pickers list them.
 */
export async function listProperties(
  client: Client,
  objectType: 'contacts' | 'companies',
): Promise<CrmProperty[]> {
  const response = await client.crm.properties.coreApi.getAll(objectType, false).catch((error: unknown) => {
    throw translateHubSpotError(error, `Listing the ${objectType} properties`);
  });
  return response.results
    .filter((p) => !p.hidden && !p.archived)
    .map((p) => ({
      name: p.name,
      label: p.label || p.name,
      type: p.type,
      fieldType: p.fieldType,
      groupName: p.groupName ?? '',
      options: (p.options ?? [])
        .filter((o) => !o.hidden)
        .map((o) => ({ value: o.value, label: o.label || o.value })),
    }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
}
