import type { Response } from 'express';
import { sendHubSpotError } from './hubspot-error-body';
import {
  COMPANY_TYPE_IDS,
  CONTACT_TYPE_IDS,
  DISQUALIFICATION_REASON,
  DISQUALIFIED_STAGE_ID,
  findStage,
  LEAD_TO,
  type StandinLead,
  type StandinLeadAssociation,
} from './lead-state';
import type { StandinState } from './standin-state';

/** One entry of the list HubSpot embeds in a refused write's message (as batch-routes.ts writes them for contacts). */
interface PropertyProblem {
  isValid: false;
  message: string;
  error: 'PROPERTY_DOESNT_EXIST' | 'INVALID_OPTION' | 'INVALID_OWNER_ID' | 'READ_ONLY_VALUE';
  name: string;
  localizedErrorMessage: string;
  portalId: number;
}

/**
 * What HubSpot's property validation refuses in a lead write: a property the portal does not have, a value HubSpot
 * computes, an enumeration value outside the options, an owner id that is no active owner, a pipeline or stage the
 * portal's lead pipelines do not have (or a stage of another pipeline than the one named).
 */
export function leadPropertyProblems(
  state: StandinState,
  portalId: number,
  properties: Record<string, string>,
  current?: StandinLead,
): PropertyProblem[] {
  const problems: PropertyProblem[] = [];
  const add = (error: PropertyProblem['error'], name: string, message: string) =>
    problems.push({ isValid: false, message, error, name, localizedErrorMessage: message, portalId });
  const leads = state.leads;
  for (const [name, value] of Object.entries(properties)) {
    const definition = leads.properties.get(name);
    if (!definition) {
      add('PROPERTY_DOESNT_EXIST', name, `Property "${name}" does not exist`);
      continue;
    }
    if (definition.readOnlyValue) {
      add('READ_ONLY_VALUE', name, `${name} is a read only property; its value cannot be set.`);
      continue;
    }
    if (value === '') continue;
    if (name === 'hubspot_owner_id') {
      const owner = state.directory.owners.find((o) => o.id === value && !o.archived);
      if (!owner) add('INVALID_OWNER_ID', name, `${value} is not a valid owner id`);
      continue;
    }
    if (name === 'hs_pipeline') {
      if (!leads.pipelines.some((p) => p.id === value && !p.archived))
        add(
          'INVALID_OPTION',
          name,
          `${value} was not one of the allowed options: the portal's lead pipelines`,
        );
      continue;
    }
    if (name === 'hs_pipeline_stage') {
      const found = findStage(leads, value);
      const pipeline = properties.hs_pipeline ?? current?.properties.hs_pipeline ?? undefined;
      if (!found || (pipeline && found.pipeline.id !== pipeline))
        add(
          'INVALID_OPTION',
          name,
          `${value} is not a valid stage of the lead pipeline ${pipeline ?? ''}`.trim(),
        );
      continue;
    }
    if (
      definition.type === 'enumeration' &&
      !definition.options.some((o) => o.value === value && !o.hidden)
    ) {
      const allowed = definition.options.map((o) => `[option label: ${o.label}\nvalue: ${o.value}]`);
      add('INVALID_OPTION', name, `${value} was not one of the allowed options: ${allowed.join(', ')}`);
    }
  }
  return problems;
}

/** Sends HubSpot's refusal of a write whose property values are not valid; true when it did. */
export function refuseProblems(res: Response, problems: PropertyProblem[]): boolean {
  if (problems.length === 0) return false;
  sendHubSpotError(
    res,
    400,
    `Property values were not valid: ${JSON.stringify(problems)}`,
    'VALIDATION_ERROR',
  );
  return true;
}

export interface AssociationInput {
  to: { id: string };
  types: Array<{ associationCategory: string; associationTypeId: number }>;
}

/**
 * The associations of a new lead, or HubSpot's refusal: every type must be HubSpot-defined from a lead to a contact
 * (578, 608) or a company (580, 610), every record must exist, and the lead must have a contact — the guide: "must be
 * associated with an existing contact"; the stand-in asks for the primary one (578), as HubSpot's example does.
 */
export function leadAssociations(
  state: StandinState,
  inputs: readonly AssociationInput[],
): { contacts: StandinLeadAssociation[]; companies: StandinLeadAssociation[] } | { refusal: string } {
  const contacts = new Map<string, number[]>();
  const companies = new Map<string, number[]>();
  for (const input of inputs) {
    for (const type of input.types) {
      const id = input.to.id;
      if (type.associationCategory !== 'HUBSPOT_DEFINED')
        return {
          refusal: `Association type ${type.associationCategory}/${type.associationTypeId} does not exist`,
        };
      const toContact = CONTACT_TYPE_IDS.includes(type.associationTypeId);
      const toCompany = COMPANY_TYPE_IDS.includes(type.associationTypeId);
      if (!toContact && !toCompany)
        return {
          refusal: `associationTypeId ${type.associationTypeId} is not a valid association type from lead (0-136)`,
        };
      if (toContact && !state.contacts.has(id))
        return { refusal: `Could not associate the lead: contact ${id} does not exist` };
      if (toCompany && !state.companies.has(id))
        return { refusal: `Could not associate the lead: company ${id} does not exist` };
      const into = toContact ? contacts : companies;
      into.set(id, [...new Set([...(into.get(id) ?? []), type.associationTypeId])]);
    }
  }
  const primaryContacts = [...contacts].filter(([, types]) => types.includes(LEAD_TO.primaryContact));
  if (primaryContacts.length === 0)
    return {
      refusal:
        'A lead must be associated with an existing contact (association type 578, lead to primary contact).',
    };
  if (primaryContacts.length > 1) return { refusal: 'A lead can have only one primary contact.' };
  if ([...companies].filter(([, types]) => types.includes(LEAD_TO.primaryCompany)).length > 1)
    return { refusal: 'A lead can have only one primary company.' };
  // As HubSpot lists them: a primary association comes with the unlabeled one.
  const withUnlabeled = (map: Map<string, number[]>, primary: number, unlabeled: number) =>
    [...map].map(([id, types]) => ({
      id,
      typeIds: types.includes(primary) && !types.includes(unlabeled) ? [...types, unlabeled] : types,
    }));
  return {
    contacts: withUnlabeled(contacts, LEAD_TO.primaryContact, LEAD_TO.contact),
    companies: withUnlabeled(companies, LEAD_TO.primaryCompany, LEAD_TO.company),
  };
}

/** The lead, other than `except`, already holding one of the unique values written. */
export function uniqueCollision(
  state: StandinState,
  properties: Record<string, string>,
  except?: string,
): { name: string; value: string; existingId: string } | undefined {
  for (const [name, value] of Object.entries(properties)) {
    if (value === '' || !state.leads.properties.get(name)?.hasUniqueValue) continue;
    for (const lead of state.leads.records.values()) {
      if (lead.id !== except && lead.properties[name] === value) return { name, value, existingId: lead.id };
    }
  }
  return undefined;
}

/**
 * A lead may not sit in the disqualified stage without a disqualification reason. HubSpot's API documents do not
 * say it refuses that (portals can require it per stage): the stand-in is the stricter (docs/hubspot-leads-facts.md §4).
 */
export function missingDisqualificationReason(merged: Record<string, string | null>): string | undefined {
  if (merged.hs_pipeline_stage !== DISQUALIFIED_STAGE_ID || merged[DISQUALIFICATION_REASON]) return undefined;
  return `${DISQUALIFICATION_REASON} is required to move a lead to the stage ${DISQUALIFIED_STAGE_ID}`;
}
