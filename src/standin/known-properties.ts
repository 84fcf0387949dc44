import type { StandinState } from './standin-state';

/**
 * HubSpot-defined contact properties the app and its tests name (DESIGN.md section 7). Every portal has them;
 * anything else must have been created (`POST /crm/v3/properties/contacts`) or arrive with the seed as a custom
 * property, else HubSpot refuses a write that names it.
 */
export const STANDARD_CONTACT_PROPERTIES: ReadonlySet<string> = new Set([
  'hs_object_id',
  'createdate',
  'lastmodifieddate',
  'email',
  'firstname',
  'lastname',
  'phone',
  'company',
  'website',
  'jobtitle',
  'hs_seniority',
  'hs_role',
  'numemployees',
  'industry',
  'country',
  'lifecyclestage',
  'hs_lead_status',
  'hubspot_owner_id',
  'notes_last_contacted',
  'hs_last_sales_activity_timestamp',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'first_conversion_event_name',
  'num_conversion_events',
  'hs_email_last_click_date',
  'hs_analytics_num_page_views',
  'num_associated_deals',
]);

/** Whether a contact property exists in the stand-in's portal: HubSpot-defined, seeded as custom, or created. */
export function contactPropertyExists(state: StandinState, name: string): boolean {
  return (
    STANDARD_CONTACT_PROPERTIES.has(name) ||
    state.properties.has(name) ||
    state.seededContactProperties.has(name)
  );
}
