/**
 * The calls Lead Pact makes on HubSpot's Leads object (object type `0-136`, CRM objects API 2026-03,
 * scopes `crm.objects.leads.read` and `crm.objects.leads.write`). Failures are AppErrors as for `HubSpotGateway`:
 * `rate_limited`, `upstream_failed`, `unauthorized`, `forbidden`, `invalid_input`, `not_found`.
 */

/** A Lead to create for one handoff: named, owned, associated with its contact (primary) and company. */
export interface NewLead {
  /** Lead Pact's key for the handoff (`<contactId>:<handoffAt>`), kept in a unique-value lead property. */
  handoffKey: string;
  /** `hs_lead_name`. */
  name: string;
  contactId: string;
  companyId: string | null;
  /** `hubspot_owner_id`; null leaves the Lead unassigned. */
  ownerId: string | null;
  /** Why the lead was handed over, in the agreement's words (a Lead Pact lead property). */
  reasons: string;
  grade: string;
  route: string;
}

/** A Lead as HubSpot reports it. */
export interface HubSpotLead {
  id: string;
  name: string;
  /** `hs_pipeline_stage`, e.g. `new-stage-id`. */
  stage: string;
  ownerId: string | null;
  handoffKey: string | null;
}

/**
 * A stage change Lead Pact asks for; `disqualification` is required when the stage is the disqualified one.
 * `reason` is Lead Pact's (`rejected`, `sla_no_touch`, ...): the gateway writes it to Lead Pact's own lead property
 * and the note, and picks the portal's closest `hs_lead_disqualification_reason` option (the options are the
 * portal's own); `note` is the rep's words, or empty.
 */
export interface LeadStageChange {
  leadId: string;
  stage: string;
  disqualification?: { reason: string; note: string };
}

/** A lead pipeline stage (`GET /crm/pipelines/2026-03/leads`). */
export interface LeadPipelineStage {
  id: string;
  label: string;
  /** HubSpot's `metadata.leadState` or equivalent: where the stage sits (open, in progress, qualified, disqualified). */
  kind: 'new' | 'in_progress' | 'qualified' | 'disqualified';
}

export interface LeadsGateway {
  /** Creates the Lead, or finds the one an earlier (crashed) attempt created with the same handoff key. */
  createLead(lead: NewLead): Promise<HubSpotLead>;
  /** Moves a Lead to a stage (and records the disqualification reason when there is one). */
  moveLead(change: LeadStageChange): Promise<HubSpotLead>;
  /** One Lead by id; null when HubSpot no longer has it (deleted). */
  getLead(leadId: string): Promise<HubSpotLead | null>;
  /** The stages of the portal's lead pipeline, in order. */
  listLeadStages(): Promise<LeadPipelineStage[]>;
  /** Makes sure Lead Pact's lead properties (handoff key, reasons, grade, route) exist on the lead object. */
  ensureLeadProperties(): Promise<void>;
}
