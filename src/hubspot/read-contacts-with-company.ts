import type { Client } from '@hubspot/api-client';
import type { PropertyMap } from '../domain/qualification';
import { HUBSPOT_BATCH_LIMIT, type HubSpotContact, type ReadContactsResult } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

/** HubSpot-defined association type "Primary" from a contact to its primary company. */
export const PRIMARY_COMPANY_TYPE_ID = 1;

interface SdkObject {
  id: string;
  properties: Record<string, string | null>;
  updatedAt?: Date;
}

interface SdkAssociation {
  _from: { id: string };
  to: Array<{ toObjectId: string | number; associationTypes: Array<{ typeId: number; category: string }> }>;
}

/** Splits a list into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size = HUBSPOT_BATCH_LIMIT): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Maps an SDK object to our contact shape (HubSpot sends every value as a string or null). */
export function toContact(object: SdkObject): HubSpotContact {
  const contact: HubSpotContact = {
    id: String(object.id),
    properties: { ...object.properties } as PropertyMap,
  };
  if (object.updatedAt instanceof Date) contact.updatedAt = object.updatedAt.toISOString();
  return contact;
}

// The primary label wins; a contact with unlabeled companies only falls back to the first one listed.
function primaryCompanyId(association: SdkAssociation): string | undefined {
  const primary = association.to.find((to) =>
    to.associationTypes.some(
      (type) => type.typeId === PRIMARY_COMPANY_TYPE_ID && type.category === 'HUBSPOT_DEFINED',
    ),
  );
  const chosen = primary ?? association.to[0];
  return chosen === undefined ? undefined : String(chosen.toObjectId);
}

async function readPrimaryCompanyIds(client: Client, contactIds: string[]): Promise<Map<string, string>> {
  const response = await client.crm.associations.v4.batchApi
    .getPage('contacts', 'companies', { inputs: contactIds.map((id) => ({ id })) })
    .catch((error: unknown) => {
      throw translateHubSpotError(error, 'Reading contact-company associations');
    });
  const byContact = new Map<string, string>();
  for (const association of response.results as unknown as SdkAssociation[]) {
    const companyId = primaryCompanyId(association);
    if (companyId !== undefined) byContact.set(String(association._from.id), companyId);
  }
  return byContact;
}

async function readObjects(
  client: Client,
  objectType: 'contacts' | 'companies',
  ids: string[],
  properties: readonly string[],
): Promise<SdkObject[]> {
  const api = objectType === 'contacts' ? client.crm.contacts.batchApi : client.crm.companies.batchApi;
  const input = { inputs: ids.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [] };
  const response = await api.read(input, false).catch((error: unknown) => {
    throw translateHubSpotError(error, `Reading ${objectType}`);
  });
  return response.results as SdkObject[];
}

async function readChunk(
  client: Client,
  ids: string[],
  properties: readonly string[],
  companyProperties: readonly string[],
): Promise<HubSpotContact[]> {
  const contacts = (await readObjects(client, 'contacts', ids, properties)).map(toContact);
  if (companyProperties.length === 0 || contacts.length === 0) return contacts;
  const companyIdByContact = await readPrimaryCompanyIds(
    client,
    contacts.map((c) => c.id),
  );
  const companyIds = [...new Set(companyIdByContact.values())];
  const companies = new Map<string, PropertyMap>();
  for (const ids of chunk(companyIds)) {
    for (const company of await readObjects(client, 'companies', ids, companyProperties)) {
      companies.set(String(company.id), { ...company.properties });
    }
  }
  return contacts.map((contact) => {
    const companyId = companyIdByContact.get(contact.id) ?? null;
    return { ...contact, companyId, company: companyId === null ? null : (companies.get(companyId) ?? null) };
  });
}

/** Batch-reads contacts (100 per request) with their primary company's properties; unknown ids come back as `missing`. */
export async function readContactsWithCompany(
  client: Client,
  ids: readonly string[],
  properties: readonly string[],
  companyProperties: readonly string[],
): Promise<ReadContactsResult> {
  const unique = [...new Set(ids)];
  const contacts: HubSpotContact[] = [];
  for (const part of chunk(unique))
    contacts.push(...(await readChunk(client, part, properties, companyProperties)));
  const found = new Set(contacts.map((c) => c.id));
  return { contacts, missing: unique.filter((id) => !found.has(id)) };
}
