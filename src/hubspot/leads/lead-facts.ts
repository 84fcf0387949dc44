/**
 * HubSpot's Leads object as Lead Pact uses it (platform 2026.03). Each fact names where it comes from; the verified
 * list with what could not be verified is docs/hubspot-leads-facts.md (summarised in the README).
 */

/** Generic webhook events name the lead object `0-136`. https://developers.hubspot.com/changelog/public-beta-generic-webhook-subscriptions */
export const LEAD_OBJECT_TYPE_ID = '0-136';

/**
 * The CRM objects API for leads, version 2026-03: create `POST`, read/update/delete `/{leadsId}`, `batch/read`
 * (with `idProperty` for a unique property), `search`.
 * https://developers.hubspot.com/docs/api-reference/2026-03/crm/objects/leads/guide
 */
export const LEADS_PATH = '/crm/objects/2026-03/leads';
/** Lead properties and property groups. Same guide ("GET /crm/properties/2026-03/leads"). */
export const LEAD_PROPERTIES_PATH = '/crm/properties/2026-03/leads';
/** The lead pipelines (Sales Hub Professional and Enterprise). https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/guide */
export const LEAD_PIPELINES_PATH = '/crm/pipelines/2026-03/leads';

/**
 * HubSpot-defined association type ids from a lead ("Lead to object" table of
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/associations/associate-records/guide, linked from the
 * leads guide). A lead must be associated with an existing contact; the guide's own example uses 578.
 */
export const LEAD_ASSOCIATION_TYPES = {
  primaryContact: 578,
  contact: 608,
  primaryCompany: 580,
  company: 610,
} as const;

/** Lead properties HubSpot defines that Lead Pact reads or writes. */
export const LEAD_PROPERTY = {
  /** Required on create (leads guide). */
  name: 'hs_lead_name',
  pipeline: 'hs_pipeline',
  stage: 'hs_pipeline_stage',
  owner: 'hubspot_owner_id',
  /** Enumeration, options editable per portal (observed in portals' lead properties; see docs/hubspot-leads-facts.md §4). */
  disqualificationReason: 'hs_lead_disqualification_reason',
  /** Free text (idem). */
  disqualificationNote: 'hs_lead_disqualification_note',
} as const;

/**
 * The default lead pipeline and its stage ids (renamable labels, fixed ids), as real portals export them; not in a
 * HubSpot page we could read (docs/hubspot-leads-facts.md §3). A portal's own stages are classified by `metadata.leadState`.
 */
export const DEFAULT_LEAD_PIPELINE_ID = 'lead-pipeline-id';
export const DEFAULT_LEAD_STAGES = {
  new: 'new-stage-id',
  attempting: 'attempting-stage-id',
  connected: 'connected-stage-id',
  qualified: 'qualified-stage-id',
  disqualified: 'unqualified-stage-id',
} as const;
