import { LEAD_PACT_PROPERTIES } from '../../hubspot/lead-pact-properties';

/** Lead Pact's properties by their label in HubSpot ("Lead Pact tier" -> lead_pact_tier), lower-case. */
const LEAD_PACT_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  LEAD_PACT_PROPERTIES.map((property) => [property.label.toLowerCase(), property.name]),
);

/**
 * HubSpot property labels (as they appear in the header row of a CRM export) mapped to internal names.
 * Standard contact properties of DESIGN.md section 7 plus the usual identity columns; keys are lower-case.
 */
export const CONTACT_LABELS: Readonly<Record<string, string>> = {
  'record id': 'hs_object_id',
  'contact id': 'hs_object_id',
  'first name': 'firstname',
  'last name': 'lastname',
  email: 'email',
  'email domain': 'hs_email_domain',
  'phone number': 'phone',
  'company name': 'company',
  'job title': 'jobtitle',
  seniority: 'hs_seniority',
  'employment role': 'hs_role',
  'employment sub role': 'hs_sub_role',
  'number of employees': 'numemployees',
  industry: 'industry',
  'country/region': 'country',
  country: 'country',
  'lifecycle stage': 'lifecyclestage',
  'lead status': 'hs_lead_status',
  'contact owner': 'hubspot_owner_id',
  'last contacted': 'notes_last_contacted',
  'last engagement date': 'hs_last_sales_activity_timestamp',
  'recent conversion': 'recent_conversion_event_name',
  'recent conversion date': 'recent_conversion_date',
  'first conversion': 'first_conversion_event_name',
  'first conversion date': 'first_conversion_date',
  'number of form submissions': 'num_conversion_events',
  'last marketing email click date': 'hs_email_last_click_date',
  'number of pageviews': 'hs_analytics_num_page_views',
  'number of associated deals': 'num_associated_deals',
  'create date': 'createdate',
  // Japanese labels verified in HubSpot's own Japanese documentation:
  // "レコードID" is the record's id (https://developers.hubspot.jp/docs/api/crm/contacts, "レコードID、Eメール、…を指定して
  // コンタクトを取得する"); the lifecycle stage and associated deals properties are named in
  // https://knowledge.hubspot.com/ja/properties/hubspots-default-contact-properties ("ライフサイクルステージのプロパティー")
  // and https://knowledge.hubspot.com/jp/articles/kcs_article/contacts/list-of-hubspot-s-default-contact-properties
  // ("関連付けられている取引 - このコンタクトに関連付けられている取引数"). Every other label: `--properties FILE`.
  レコードid: 'hs_object_id',
  ライフサイクルステージ: 'lifecyclestage',
  関連付けられている取引: 'num_associated_deals',
  // Lead Pact's own properties, by the labels the app gives them (a recycling preview reads them).
  ...LEAD_PACT_LABELS,
};

/** Standard company property labels, for `company.<Label>` columns. */
export const COMPANY_LABELS: Readonly<Record<string, string>> = {
  'number of employees': 'numberofemployees',
  'annual revenue': 'annualrevenue',
  industry: 'industry',
  'company name': 'name',
  name: 'name',
  'company domain name': 'domain',
  'country/region': 'country',
  // https://knowledge.hubspot.com/ja/properties/hubspot-crm-default-company-properties ("会社のドメイン名", "国").
  会社のドメイン名: 'domain',
  国: 'country',
};

/** A portal's own labels (`lead-pact properties pull`), lower-cased label -> internal name; they win over the tables. */
export interface PortalLabels {
  contact: ReadonlyMap<string, string>;
  company: ReadonlyMap<string, string>;
}

const COMPANY_PREFIX = /^company\.(.+)$/i;

/**
 * The property a CSV header stands for: the `--map` entry if any, else a `company.<name or label>` column,
 * else a contact label (the portal's own from a properties file, then HubSpot's standard ones), else the header itself
 * (internal names and custom properties pass through).
 */
export function propertyForHeader(
  header: string,
  map: Readonly<Record<string, string>> = {},
  portal?: PortalLabels,
): string {
  const trimmed = header.replace(/^\uFEFF/, '').trim();
  const mapped = map[trimmed];
  if (mapped !== undefined) return mapped;
  const company = COMPANY_PREFIX.exec(trimmed);
  if (company?.[1] !== undefined) {
    const name = company[1].trim();
    const label = name.toLowerCase();
    return `company.${portal?.company.get(label) ?? COMPANY_LABELS[label] ?? name}`;
  }
  const label = trimmed.toLowerCase();
  return portal?.contact.get(label) ?? CONTACT_LABELS[label] ?? trimmed;
}
