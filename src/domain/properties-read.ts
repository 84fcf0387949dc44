import type { Agreement } from './agreement-schema';
import { SALES_TOUCH_PROPERTIES } from './sla';

/** Contact properties the service always reads: SLA touches, progress, disqualifying basics and change detection. */
const ALWAYS_READ = [
  ...SALES_TOUCH_PROPERTIES,
  'lifecyclestage',
  'num_associated_deals',
  'hs_lastmodifieddate',
] as const;

function add(name: string, contact: Set<string>, company: Set<string>): void {
  if (name.startsWith('company.')) company.add(name.slice('company.'.length));
  else contact.add(name);
}

/**
 * What a handoff as a HubSpot Lead (`handoff.createLeads`) takes from the contact: its name and email for the Lead's
 * name, its owner (the Lead's owner when the route names none), and its primary company's record id (HubSpot returns
 * `hs_object_id` with every record read), to associate the Lead with the company.
 */
export const LEAD_CONTACT_PROPERTIES = ['firstname', 'lastname', 'email', 'hubspot_owner_id'] as const;
export const LEAD_COMPANY_PROPERTIES = ['hs_object_id'] as const;

/** Every contact and company property an agreement and the SLA rules read, deduplicated and sorted. */
export function propertiesRead(agreement: Agreement): { contact: string[]; company: string[] } {
  const contact = new Set<string>(ALWAYS_READ);
  const company = new Set<string>();
  if (agreement.handoff.createLeads) {
    for (const name of LEAD_CONTACT_PROPERTIES) contact.add(name);
    for (const name of LEAD_COMPANY_PROPERTIES) company.add(name);
  }
  for (const rule of agreement.fit.rules) add(rule.property, contact, company);
  for (const signal of agreement.intent.signals) {
    add(signal.when.property, contact, company);
    if (signal.at !== undefined) add(signal.at, contact, company);
  }
  for (const d of agreement.disqualify ?? []) add(d.property, contact, company);
  return { contact: [...contact].sort(), company: [...company].sort() };
}
