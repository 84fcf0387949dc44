import { z } from 'zod';
import { isAppError } from '../../domain/app-error';
import { LEAD_PROPERTIES_PATH } from './lead-facts';
import type { LeadsSend } from './leads-http';

/** The lead property group Lead Pact's lead properties live in (same name as the contact group). */
export const LEAD_PACT_LEAD_GROUP = { name: 'lead_pact', label: 'Lead Pact', displayOrder: -1 } as const;

/** Lead Pact's own lead properties. */
export const LEAD_PACT_LEAD_PROPERTY = {
  handoffKey: 'lead_pact_handoff_key',
  reasons: 'lead_pact_reasons',
  grade: 'lead_pact_grade',
  route: 'lead_pact_route',
  disqualificationReason: 'lead_pact_disqualification_reason',
} as const;

/** A lead property as `POST /crm/properties/2026-03/leads` takes it. */
export interface LeadPropertyDefinition {
  name: string;
  label: string;
  description: string;
  groupName: string;
  type: 'string';
  fieldType: 'text' | 'textarea';
  /** Only the handoff key: HubSpot then refuses a second lead with the same value (create-only field). */
  hasUniqueValue?: boolean;
}

const group = LEAD_PACT_LEAD_GROUP.name;

export const LEAD_PACT_LEAD_PROPERTIES: readonly LeadPropertyDefinition[] = [
  {
    name: LEAD_PACT_LEAD_PROPERTY.handoffKey,
    label: 'Lead Pact handoff',
    description:
      'Which Lead Pact handoff created this lead (contact id and handoff time). Unique: one lead per handoff.',
    groupName: group,
    type: 'string',
    fieldType: 'text',
    hasUniqueValue: true,
  },
  {
    name: LEAD_PACT_LEAD_PROPERTY.reasons,
    label: 'Lead Pact reasons',
    description: 'Why Lead Pact handed this lead to sales, in the agreement’s words.',
    groupName: group,
    type: 'string',
    fieldType: 'textarea',
  },
  {
    name: LEAD_PACT_LEAD_PROPERTY.grade,
    label: 'Lead Pact grade',
    description: 'The grade the contact had when Lead Pact handed it over.',
    groupName: group,
    type: 'string',
    fieldType: 'text',
  },
  {
    name: LEAD_PACT_LEAD_PROPERTY.route,
    label: 'Lead Pact route',
    description: 'The sales route the agreement sent the lead to.',
    groupName: group,
    type: 'string',
    fieldType: 'text',
  },
  {
    name: LEAD_PACT_LEAD_PROPERTY.disqualificationReason,
    label: 'Lead Pact disqualification reason',
    description: 'Why Lead Pact disqualified the lead (rejected on the card, recycled by the SLA, ...).',
    groupName: group,
    type: 'string',
    fieldType: 'text',
  },
];

/** What a first install sends: group read and create, the property list, one create per property. */
export const ENSURE_LEAD_PROPERTIES_REQUESTS = 3 + LEAD_PACT_LEAD_PROPERTIES.length;

const propertyList = z.object({ results: z.array(z.object({ name: z.string() }).loose()) });

/**
 * Creates the `lead_pact` lead property group and Lead Pact's lead properties that are missing (a second run
 * only reads). A 409 means another worker created it meanwhile. Needs `crm.schemas.leads.write` (docs/hubspot-leads-facts.md §7).
 */
export async function ensureLeadProperties(send: LeadsSend): Promise<string[]> {
  try {
    await send('Reading the Lead Pact lead property group', {
      method: 'GET',
      path: `${LEAD_PROPERTIES_PATH}/groups/${group}`,
    });
  } catch (error) {
    if (!isAppError(error, 'not_found')) throw error;
    await send('Creating the Lead Pact lead property group', {
      method: 'POST',
      path: `${LEAD_PROPERTIES_PATH}/groups`,
      body: { ...LEAD_PACT_LEAD_GROUP },
    }).catch((created: unknown) => {
      if (!isAppError(created, 'conflict')) throw created;
    });
  }
  const listed = propertyList.parse(
    await send('Reading lead properties', { method: 'GET', path: LEAD_PROPERTIES_PATH }),
  );
  const existing = new Set(listed.results.map((property) => property.name));
  const created: string[] = [];
  for (const definition of LEAD_PACT_LEAD_PROPERTIES) {
    if (existing.has(definition.name)) continue;
    try {
      await send(`Creating the lead property ${definition.name}`, {
        method: 'POST',
        path: LEAD_PROPERTIES_PATH,
        body: definition,
      });
      created.push(definition.name);
    } catch (error) {
      if (!isAppError(error, 'conflict')) throw error;
    }
  }
  return created;
}
