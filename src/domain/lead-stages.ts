/**
 * Where a stage of HubSpot's lead pipeline sits. HubSpot's default lead pipeline (`lead-pipeline-id`) has the stage
 * ids below; portals rename their labels, never their ids (recorded from real portals: docs/hubspot-leads-facts.md,
 * section 3). A stage a portal added is taken as "in progress": a rep moving a Lead there has worked it, and it is
 * never taken as converted or disqualified.
 */
export const LEAD_STAGE_KINDS = ['new', 'in_progress', 'qualified', 'disqualified'] as const;
export type LeadStageKind = (typeof LEAD_STAGE_KINDS)[number];

/** The default lead pipeline's stage ids and where each sits. */
export const DEFAULT_LEAD_STAGES: Readonly<Record<string, LeadStageKind>> = {
  'new-stage-id': 'new',
  'attempting-stage-id': 'in_progress',
  'connected-stage-id': 'in_progress',
  'qualified-stage-id': 'qualified',
  'unqualified-stage-id': 'disqualified',
};

/**
 * The `hubspotStage` Lead Pact records for a Lead deleted in HubSpot (a lead webhook): no HubSpot stage id looks
 * like it, so the card and the report can tell a deleted Lead from one in a stage.
 */
export const LEAD_DELETED_STAGE = 'lead-pact:deleted';

/** Where `stage` sits: the default pipeline's own stages by id, any other stage in progress. */
export function leadStageKind(stage: string): LeadStageKind {
  return DEFAULT_LEAD_STAGES[stage] ?? 'in_progress';
}

/**
 * What a stage change reported by HubSpot means for the handoff: `byRep` when someone other than Lead Pact moved the
 * Lead on (out of the new stage) — the first such move is the rep's first touch for the SLA — and `converted` when it
 * reached the qualified stage, whoever moved it.
 */
export function leadStageChange(stage: string, byThisApp: boolean): { byRep: boolean; converted: boolean } {
  const kind = leadStageKind(stage);
  return { byRep: !byThisApp && kind !== 'new', converted: kind === 'qualified' };
}

/**
 * Why a Lead Lead Pact handed over was disqualified: a rep rejected the lead on the card, or disqualified its Lead in
 * HubSpot's prospecting workspace (`rep_in_hubspot`), the SLA recycled it (never touched, or no progress), or a
 * rescore took it out of sales-ready (a disqualify rule, back to nurture). The report lists them in this order.
 */
export const LEAD_DISQUALIFY_REASONS = [
  'rejected',
  'rep_in_hubspot',
  'sla_no_touch',
  'sla_no_progress',
  'disqualified',
  'nurture',
] as const;
export type LeadDisqualifyReason = (typeof LEAD_DISQUALIFY_REASONS)[number];

/** The reason of a Lead a rep (or anyone but Lead Pact) disqualified in HubSpot. */
export const REP_IN_HUBSPOT: LeadDisqualifyReason = 'rep_in_hubspot';

/**
 * The note Lead Pact keeps of a Lead disqualified in HubSpot (on the Lead's row and the rejection it records):
 * HubSpot's disqualification reason as its webhook gave it (the option's internal value), when one came with it.
 */
export function disqualifiedInHubSpotNote(hubspotReason: string | null | undefined): string {
  const reason = hubspotReason?.trim();
  return reason ? `Disqualified in HubSpot: ${reason}` : 'Disqualified in HubSpot';
}
