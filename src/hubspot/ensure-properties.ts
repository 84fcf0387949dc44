import type { Client } from '@hubspot/api-client';
import type { PropertyCreate, PropertyUpdate } from '@hubspot/api-client/lib/codegen/crm/properties';
import { isAppError } from '../domain/app-error';
import type { EnsurePropertiesReport } from './hubspot-gateway';
import {
  LEAD_PACT_GROUP,
  LEAD_PACT_PROPERTIES,
  type PropertyDefinition,
  type PropertyOption,
} from './lead-pact-properties';
import { translateHubSpotError } from './translate-hubspot-error';

type SdkOption = {
  label: string;
  value: string;
  displayOrder?: number;
  hidden: boolean;
  description?: string;
};
type SdkProperty = { name: string; type: string; options?: SdkOption[] };

async function call<T>(operation: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw translateHubSpotError(error, operation);
  }
}

async function ensureGroup(client: Client): Promise<boolean> {
  const groups = client.crm.properties.groupsApi;
  try {
    await call('Reading the Lead Pact property group', () =>
      groups.getByName('contacts', LEAD_PACT_GROUP.name),
    );
    return false;
  } catch (error) {
    if (!isAppError(error, 'not_found')) throw error;
  }
  try {
    await call('Creating the Lead Pact property group', () =>
      groups.create('contacts', { ...LEAD_PACT_GROUP }),
    );
    return true;
  } catch (error) {
    if (isAppError(error, 'conflict')) return false; // created meanwhile by another worker
    throw error;
  }
}

/** Existing options first (never dropped), then ours that are missing; undefined when nothing is missing. */
export function optionsUnion(
  existing: readonly SdkOption[],
  wanted: readonly PropertyOption[],
): SdkOption[] | undefined {
  const known = new Set(existing.map((option) => option.value));
  const missing = wanted.filter((option) => !known.has(option.value));
  if (missing.length === 0) return undefined;
  const start = existing.reduce((max, option) => Math.max(max, option.displayOrder ?? -1), -1) + 1;
  return [...existing, ...missing.map((option, index) => ({ ...option, displayOrder: start + index }))];
}

// Our definitions use the same string values as the SDK's TypeScript enums, hence the casts below.
async function createProperty(
  client: Client,
  definition: PropertyDefinition,
): Promise<SdkProperty | undefined> {
  try {
    await call(`Creating ${definition.name}`, () =>
      client.crm.properties.coreApi.create('contacts', definition as unknown as PropertyCreate),
    );
    return undefined;
  } catch (error) {
    if (!isAppError(error, 'conflict')) throw error;
    return (await call(`Reading ${definition.name}`, () =>
      client.crm.properties.coreApi.getByName('contacts', definition.name),
    )) as SdkProperty;
  }
}

async function addMissingOptions(client: Client, definition: PropertyDefinition, existing: SdkProperty) {
  if (!definition.options || existing.type !== 'enumeration') return false;
  const union = optionsUnion(existing.options ?? [], definition.options);
  if (!union) return false;
  // A PATCH with `options` replaces the whole list, hence the union.
  await call(`Adding options to ${definition.name}`, () =>
    client.crm.properties.coreApi.update('contacts', definition.name, { options: union } as PropertyUpdate),
  );
  return true;
}

/** Creates the `lead_pact` group and properties, or adds missing options; a second run sends no writes. */
export async function ensureProperties(client: Client): Promise<EnsurePropertiesReport> {
  const report: EnsurePropertiesReport = {
    groupCreated: false,
    created: [],
    optionsAdded: [],
    unchanged: [],
  };
  report.groupCreated = await ensureGroup(client);
  const all = await call('Reading contact properties', () =>
    client.crm.properties.coreApi.getAll('contacts', false),
  );
  const existing = new Map((all.results as SdkProperty[]).map((property) => [property.name, property]));
  for (const definition of LEAD_PACT_PROPERTIES) {
    let current = existing.get(definition.name);
    if (!current) {
      current = await createProperty(client, definition);
      if (!current) {
        report.created.push(definition.name);
        continue;
      }
    }
    const added = await addMissingOptions(client, definition, current);
    (added ? report.optionsAdded : report.unchanged).push(definition.name);
  }
  return report;
}
