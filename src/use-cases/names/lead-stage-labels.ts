import type { LeadsGateway } from '../../hubspot/leads-gateway';
import type { Logger } from '../../logger';
import { cachedNames } from './cached-names';
import { NAMES_FAILURE_TTL_MS } from './team-names';

/** The scope reading the lead pipeline needs (`GET /crm/pipelines/2026-03/leads`, helper A's facts §3, §7). */
export const LEADS_READ_SCOPE = 'crm.objects.leads.read';
/** Admins rename or add lead stages rarely; a card should not read the pipeline on every view. */
export const LEAD_STAGE_LABELS_TTL_MS = 10 * 60_000;
/**
 * How long a card waits for a slot of the portal's request budget to read the pipeline: a portal busy writing back
 * a rescore must not hold the rep's card; the card then shows stage ids and asks again a minute later.
 */
export const LEAD_STAGE_LABELS_MAX_WAIT_MS = 2_000;

/** What lead stage labels are read with; without a gateway (HubSpot not configured) there are none. */
export interface LeadStageLabelsDeps {
  /** `signal` ends the wait for the portal's request budget. */
  leadsGatewayFor?: (portalId: string, signal?: AbortSignal) => Pick<LeadsGateway, 'listLeadStages'>;
  logger?: Pick<Logger, 'warn'>;
  now?: () => number;
}

/**
 * The labels of each portal's lead pipeline stages by stage id, read from HubSpot and kept per portal, so the card
 * names a stage the portal renamed or added as the portal does. When the pipeline cannot be read (no Sales Hub
 * Professional, a missing scope, HubSpot down) there are no labels: the card keeps its own words for HubSpot's
 * default stages and shows other stages by id.
 */
export function leadStageLabels(
  deps: LeadStageLabelsDeps,
): (portalId: string) => Promise<ReadonlyMap<string, string>> {
  const { leadsGatewayFor } = deps;
  if (!leadsGatewayFor) return async () => new Map();
  const labels = cachedNames(
    async (portalId) => {
      const signal = AbortSignal.timeout(LEAD_STAGE_LABELS_MAX_WAIT_MS);
      const stages = await leadsGatewayFor(portalId, signal).listLeadStages();
      return new Map(stages.map((stage) => [stage.id, stage.label]));
    },
    {
      scope: LEADS_READ_SCOPE,
      what: 'lead pipeline stages',
      ttlMs: LEAD_STAGE_LABELS_TTL_MS,
      failureTtlMs: NAMES_FAILURE_TTL_MS,
      now: deps.now ?? Date.now,
      logger: deps.logger,
    },
  );
  return async (portalId) => (await labels(portalId)).names;
}
