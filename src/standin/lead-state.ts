/**
 * The stand-in's Leads (object `0-136`): records with their associations, the lead properties (HubSpot's and the
 * ones an app created), property groups and the lead pipelines. HubSpot's facts behind each rule are in
 * docs/hubspot-leads-facts.md; where HubSpot's documents say nothing, the stand-in is the stricter of the plausible
 * answers.
 */

import type { StandinOption, StandinProperty, StandinRecord } from './standin-records';

/** An association from a lead, as the stand-in keeps it: the record and every HubSpot-defined type id. */
export interface StandinLeadAssociation {
  id: string;
  typeIds: number[];
}

/** A lead record: a `StandinRecord` with its associations. */
export interface StandinLead extends StandinRecord {
  contacts: StandinLeadAssociation[];
  companies: StandinLeadAssociation[];
}

/** An option of a lead property: the same shape as a contact property's. */
export type StandinLeadOption = StandinOption;

/** A lead property definition (`hasUniqueValue`: HubSpot refuses a second lead with the same value). */
export interface StandinLeadProperty extends StandinProperty {
  hasUniqueValue: boolean;
  hubspotDefined: boolean;
  /** HubSpot computes it; a write is refused. */
  readOnlyValue?: boolean;
}

export interface StandinLeadStage {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  metadata: Record<string, string>;
}

export interface StandinLeadPipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  stages: StandinLeadStage[];
}

export interface StandinLeads {
  records: Map<string, StandinLead>;
  nextId: number;
  groups: Map<string, { name: string; label: string; displayOrder: number }>;
  properties: Map<string, StandinLeadProperty>;
  pipelines: StandinLeadPipeline[];
  /** Webhook deliveries under way (API writes send theirs without holding the answer): tests await them. */
  deliveries: Set<Promise<unknown>>;
}

/** HubSpot-defined association type ids from a lead (docs/hubspot-leads-facts.md §2). */
export const LEAD_TO = { primaryContact: 578, contact: 608, primaryCompany: 580, company: 610 } as const;
export const CONTACT_TYPE_IDS: readonly number[] = [LEAD_TO.primaryContact, LEAD_TO.contact];
export const COMPANY_TYPE_IDS: readonly number[] = [LEAD_TO.primaryCompany, LEAD_TO.company];

export const DEFAULT_PIPELINE_ID = 'lead-pipeline-id';
export const DISQUALIFIED_STAGE_ID = 'unqualified-stage-id';
export const DISQUALIFICATION_REASON = 'hs_lead_disqualification_reason';

const option = (label: string, value: string, displayOrder: number): StandinLeadOption => ({
  label,
  value,
  displayOrder,
  hidden: false,
});

/** HubSpot's default lead pipeline: renamable labels, fixed ids (docs/hubspot-leads-facts.md §3). */
export function defaultLeadPipeline(): StandinLeadPipeline {
  const stage = (id: string, label: string, displayOrder: number): StandinLeadStage => ({
    id,
    label,
    displayOrder,
    archived: false,
    metadata: {},
  });
  return {
    id: DEFAULT_PIPELINE_ID,
    label: 'Lead pipeline',
    displayOrder: 0,
    archived: false,
    stages: [
      stage('new-stage-id', 'New', 0),
      stage('attempting-stage-id', 'Attempting', 1),
      stage('connected-stage-id', 'Connected', 2),
      stage('qualified-stage-id', 'Qualified', 3),
      stage(DISQUALIFIED_STAGE_ID, 'Disqualified', 4),
    ],
  };
}

const DISQUALIFICATION_OPTIONS = [
  ['Bad timing', 'BAD_TIMING'],
  ['Budget constraints', 'BUDGET_CONSTRAINTS'],
  ['No decision-making power', 'NO_DECISION_MAKING_POWER'],
  ['Competitor preference', 'COMPETITOR_PREFERENCE'],
  ['Not a good fit', 'NOT_A_GOOD_FIT'],
  ['No commercial interest', 'NO_COMMERCIAL_INTEREST'],
  ['Prior negative experience', 'PRIOR_NEGATIVE_EXPERIENCE'],
  ['Technical limitations', 'TECHNICAL_LIMITATIONS'],
  ['Wrong data', 'WRONG_DATA'],
  ['No response', 'NO_RESPONSE'],
] as const;

/** The lead properties HubSpot defines that the stand-in knows (the guide's common ones and those Lead Pact uses). */
export function hubspotLeadProperties(): StandinLeadProperty[] {
  const group = 'lead_information';
  const p = (
    name: string,
    label: string,
    type: string,
    fieldType: string,
    extra: Partial<StandinLeadProperty> = {},
  ): StandinLeadProperty => ({
    name,
    label,
    type,
    fieldType,
    groupName: group,
    options: [],
    hasUniqueValue: false,
    hubspotDefined: true,
    ...extra,
  });
  return [
    p('hs_lead_name', 'Lead name', 'string', 'text'),
    // The guide's example writes "NEW BUSINESS" and "WARM".
    p('hs_lead_type', 'Lead type', 'enumeration', 'select', {
      options: [option('New business', 'NEW BUSINESS', 0), option('Upsell', 'UPSELL', 1)],
    }),
    p('hs_lead_label', 'Lead label', 'enumeration', 'select', {
      options: [option('Hot', 'HOT', 0), option('Warm', 'WARM', 1), option('Cold', 'COLD', 2)],
    }),
    p('hs_pipeline', 'Pipeline', 'enumeration', 'select'),
    p('hs_pipeline_stage', 'Lead stage', 'enumeration', 'select'),
    p('hubspot_owner_id', 'Lead owner', 'enumeration', 'select'),
    p(DISQUALIFICATION_REASON, 'Disqualification reason', 'enumeration', 'select', {
      options: DISQUALIFICATION_OPTIONS.map(([label, value], i) => option(label, value, i)),
    }),
    p('hs_lead_disqualification_note', 'Disqualification note', 'string', 'textarea'),
    p('hs_object_id', 'Record ID', 'number', 'number', { readOnlyValue: true }),
    p('hs_createdate', 'Create date', 'datetime', 'date', { readOnlyValue: true }),
    p('hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', { readOnlyValue: true }),
  ];
}

export function createStandinLeads(): StandinLeads {
  return {
    records: new Map(),
    nextId: 88001,
    groups: new Map([
      ['lead_information', { name: 'lead_information', label: 'Lead information', displayOrder: 0 }],
    ]),
    properties: new Map(hubspotLeadProperties().map((property) => [property.name, property])),
    pipelines: [defaultLeadPipeline()],
    deliveries: new Set(),
  };
}

/** Every stage id of the portal's lead pipelines, with its pipeline. */
export function findStage(
  leads: StandinLeads,
  stageId: string,
): { pipeline: StandinLeadPipeline; stage: StandinLeadStage } | undefined {
  for (const pipeline of leads.pipelines) {
    if (pipeline.archived) continue;
    const stage = pipeline.stages.find((s) => s.id === stageId && !s.archived);
    if (stage) return { pipeline, stage };
  }
  return undefined;
}

/** The default pipeline (HubSpot's own when present) and its first stage: where a new lead starts. */
export function defaultStart(leads: StandinLeads): { pipeline: string; stage: string } | undefined {
  const open = leads.pipelines.filter((p) => !p.archived).sort((a, b) => a.displayOrder - b.displayOrder);
  const pipeline = open.find((p) => p.id === DEFAULT_PIPELINE_ID) ?? open[0];
  const first = pipeline?.stages
    .filter((s) => !s.archived)
    .sort((a, b) => a.displayOrder - b.displayOrder)[0];
  return pipeline && first ? { pipeline: pipeline.id, stage: first.id } : undefined;
}

/** Resolves when every webhook delivery started so far has been answered (or failed). */
export async function webhooksDelivered(leads: StandinLeads): Promise<void> {
  await Promise.allSettled([...leads.deliveries]);
}
