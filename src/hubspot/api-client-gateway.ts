import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts';
import { completeWorkflowCallback } from './complete-workflow-callback';
import { ensureProperties } from './ensure-properties';
import { getUser } from './get-user';
import {
  HUBSPOT_BATCH_LIMIT,
  type ContactPage,
  type HubSpotGateway,
  type ModifiedWindow,
  type SearchPage,
} from './hubspot-gateway';
import { listOwners } from './list-owners';
import { listProperties } from './list-properties';
import { listTeams } from './list-teams';
import { readCompanyContacts } from './read-company-contacts';
import { searchModifiedCompanies } from './search-modified-companies';
import { getAccountDetails } from './get-account-details';
import { readContactsWithCompany, toContact } from './read-contacts-with-company';
import { translateHubSpotError } from './translate-hubspot-error';
import { updateContactsInBatches } from './update-contacts-in-batches';

export const DEFAULT_API_BASE_URL = 'https://api.hubapi.com';

export interface ApiClientGatewayOptions {
  /** A static token, or a function returning the portal's current (refreshed) token before each call. */
  accessToken: string | (() => Promise<string>);
  /** HUBSPOT_API_BASE_URL; the stand-in or nock in tests. */
  basePath?: string;
}

type SdkPage = {
  results: Array<{ id: string; properties: Record<string, string | null>; updatedAt?: Date }>;
  paging?: { next?: { after: string } };
};

function toPage(response: SdkPage): ContactPage {
  const page: ContactPage = { contacts: response.results.map(toContact) };
  const after = response.paging?.next?.after;
  if (after) page.after = after;
  return page;
}

/** The HubSpotGateway on `@hubspot/api-client` 13 (no SDK retries or limiter: pacing and retries are the writer's). */
export function createApiClientGateway(options: ApiClientGatewayOptions): HubSpotGateway {
  const basePath = (options.basePath ?? DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const client = new Client({ basePath });
  const tokenOf = options.accessToken;
  const token = typeof tokenOf === 'string' ? () => Promise.resolve(tokenOf) : tokenOf;
  const authorized = async () => {
    client.setAccessToken(await token());
    return client;
  };

  async function searchModifiedSince(
    window: ModifiedWindow,
    after: string | undefined,
    properties: readonly string[],
  ) {
    const request = {
      filterGroups: [
        {
          filters: [
            {
              propertyName: 'lastmodifieddate',
              operator: FilterOperatorEnum.Gte,
              value: String(window.from),
            },
            { propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Lt, value: String(window.to) },
          ],
        },
      ],
      // HubSpot documents sorts as objects; the SDK types them as strings but passes them through unchanged.
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }] as unknown as string[],
      properties: [...properties],
      limit: HUBSPOT_BATCH_LIMIT,
      ...(after === undefined ? {} : { after }),
    };
    const response = await (
      await authorized()
    ).crm.contacts.searchApi
      .doSearch(request)
      .catch((error: unknown) => {
        throw translateHubSpotError(error, 'Searching recently modified contacts');
      });
    return { ...toPage(response as SdkPage), total: response.total } satisfies SearchPage;
  }

  return {
    readContacts: async (ids, properties, companyProperties) =>
      readContactsWithCompany(await authorized(), ids, properties, companyProperties),
    updateContacts: async (inputs) =>
      updateContactsInBatches(await authorized(), inputs, async () => {
        await ensureProperties(await authorized());
      }),
    listContacts: async (after, properties) => {
      const api = (await authorized()).crm.contacts.basicApi;
      const response = await api
        .getPage(HUBSPOT_BATCH_LIMIT, after, [...properties])
        .catch((error: unknown) => {
          throw translateHubSpotError(error, 'Listing contacts');
        });
      return toPage(response as SdkPage);
    },
    searchModifiedSince,
    ensureProperties: async () => ensureProperties(await authorized()),
    getAccountDetails: async () => getAccountDetails(await authorized()),
    getUser: async (userId) => getUser(await authorized(), userId),
    listProperties: async (objectType) => listProperties(await authorized(), objectType),
    listTeams: async () => listTeams(await authorized()),
    listOwners: async (after, archived) => listOwners(await authorized(), after, archived),
    readCompanyContacts: async (inputs) => readCompanyContacts(await authorized(), inputs),
    searchCompaniesModifiedSince: async (window, after) =>
      searchModifiedCompanies(await authorized(), window, after),
    completeWorkflowCallback: async (callbackId, completion) =>
      completeWorkflowCallback(await authorized(), callbackId, completion),
  };
}
