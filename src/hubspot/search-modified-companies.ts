import type { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/companies';
import { HUBSPOT_BATCH_LIMIT, type CompanyIdsPage, type ModifiedWindow } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

/** Companies keep their last change in `hs_lastmodifieddate` (contacts in `lastmodifieddate`). */
export const COMPANY_MODIFIED_PROPERTY = 'hs_lastmodifieddate';

/** `POST /crm/v3/objects/companies/search`: ids of companies modified in [from, to), oldest first, 100 a page. */
export async function searchModifiedCompanies(
  client: Client,
  window: ModifiedWindow,
  after: string | undefined,
): Promise<CompanyIdsPage> {
  const request = {
    filterGroups: [
      {
        filters: [
          {
            propertyName: COMPANY_MODIFIED_PROPERTY,
            operator: FilterOperatorEnum.Gte,
            value: String(window.from),
          },
          {
            propertyName: COMPANY_MODIFIED_PROPERTY,
            operator: FilterOperatorEnum.Lt,
            value: String(window.to),
          },
        ],
      },
    ],
    // HubSpot documents sorts as objects; the SDK types them as strings but passes them through unchanged.
    sorts: [{ propertyName: COMPANY_MODIFIED_PROPERTY, direction: 'ASCENDING' }] as unknown as string[],
    properties: ['hs_object_id'],
    limit: HUBSPOT_BATCH_LIMIT,
    ...(after === undefined ? {} : { after }),
  };
  const response = await client.crm.companies.searchApi.doSearch(request).catch((error: unknown) => {
    throw translateHubSpotError(error, 'Searching recently modified companies');
  });
  const page: CompanyIdsPage = {
    companyIds: response.results.map((r) => String(r.id)),
    total: response.total,
  };
  const next = response.paging?.next?.after;
  if (next) page.after = next;
  return page;
}
