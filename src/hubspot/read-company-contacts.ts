import type { Client } from '@hubspot/api-client';
import type { CompanyContactsPage, CompanyContactsRequest } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

interface SdkCompanyContacts {
  _from: { id: string };
  to: Array<{ toObjectId: string | number }>;
  paging?: { next?: { after?: string } };
}

/**
 * `POST /crm/v4/associations/companies/contacts/batch/read`: one page of contact ids per company, with HubSpot's
 * per-company `after` cursor when it has more (sent back alongside the id for the next page). A company without
 * contacts comes back as an error entry, not a result: it simply has no page.
 */
export async function readCompanyContacts(
  client: Client,
  inputs: readonly CompanyContactsRequest[],
): Promise<CompanyContactsPage[]> {
  const body = {
    inputs: inputs.map((i) => ({ id: i.companyId, ...(i.after === undefined ? {} : { after: i.after }) })),
  };
  const response = await client.crm.associations.v4.batchApi
    .getPage('companies', 'contacts', body)
    .catch((error: unknown) => {
      throw translateHubSpotError(error, 'Reading company-contact associations');
    });
  return (response.results as unknown as SdkCompanyContacts[]).map((result) => {
    const page: CompanyContactsPage = {
      companyId: String(result._from.id),
      contactIds: result.to.map((to) => String(to.toObjectId)),
    };
    const after = result.paging?.next?.after;
    if (after) page.after = after;
    return page;
  });
}
