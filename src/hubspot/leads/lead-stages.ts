import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import type { LeadPipelineStage } from '../leads-gateway';
import { DEFAULT_LEAD_PIPELINE_ID, DEFAULT_LEAD_STAGES, LEAD_PIPELINES_PATH } from './lead-facts';
import type { LeadsSend } from './leads-http';

const stageSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    displayOrder: z.number().default(0),
    archived: z.boolean().default(false),
    metadata: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();
const pipelineSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    displayOrder: z.number().default(0),
    archived: z.boolean().default(false),
    stages: z.array(stageSchema),
  })
  .loose();
const pipelinesResponse = z.object({ results: z.array(pipelineSchema) });

const KIND_BY_DEFAULT_ID: Record<string, LeadPipelineStage['kind']> = {
  [DEFAULT_LEAD_STAGES.new]: 'new',
  [DEFAULT_LEAD_STAGES.attempting]: 'in_progress',
  [DEFAULT_LEAD_STAGES.connected]: 'in_progress',
  [DEFAULT_LEAD_STAGES.qualified]: 'qualified',
  [DEFAULT_LEAD_STAGES.disqualified]: 'disqualified',
};

const KIND_BY_LEAD_STATE: Record<string, LeadPipelineStage['kind']> = {
  NEW: 'new',
  OPEN: 'new',
  IN_PROGRESS: 'in_progress',
  QUALIFIED: 'qualified',
  DISQUALIFIED: 'disqualified',
  UNQUALIFIED: 'disqualified',
};

/**
 * Where a stage sits: HubSpot's default stage ids first, then the stage's `metadata.leadState` (not documented in a
 * page we could read: docs/hubspot-leads-facts.md §3); any other stage counts as in progress, so a rep moving a lead to a stage
 * of the portal's own counts as working it, never as converting or disqualifying it.
 */
export function stageKind(id: string, metadata: Record<string, unknown>): LeadPipelineStage['kind'] {
  const known = KIND_BY_DEFAULT_ID[id];
  if (known) return known;
  const state = metadata.leadState;
  return (typeof state === 'string' && KIND_BY_LEAD_STATE[state.toUpperCase()]) || 'in_progress';
}

/**
 * `GET /crm/pipelines/2026-03/leads`: the stages of the portal's lead pipeline, in display order, archived ones left
 * out. The pipeline is HubSpot's default one (`lead-pipeline-id`) when the portal has it, else its first one.
 */
export async function listLeadStages(send: LeadsSend): Promise<LeadPipelineStage[]> {
  const operation = 'Reading the lead pipeline';
  const parsed = pipelinesResponse.safeParse(
    await send(operation, { method: 'GET', path: LEAD_PIPELINES_PATH }),
  );
  if (!parsed.success) throw new AppError('upstream_failed', `${operation}: HubSpot answered unexpectedly.`);
  const pipelines = parsed.data.results
    .filter((pipeline) => !pipeline.archived)
    .sort((a, b) => a.displayOrder - b.displayOrder);
  const pipeline = pipelines.find((p) => p.id === DEFAULT_LEAD_PIPELINE_ID) ?? pipelines[0];
  if (!pipeline)
    throw new AppError(
      'not_found',
      `${operation}: the portal has no lead pipeline (leads need Sales Hub Professional or Enterprise).`,
    );
  return pipeline.stages
    .filter((stage) => !stage.archived)
    .sort((a, b) => a.displayOrder - b.displayOrder)
    .map((stage) => ({ id: stage.id, label: stage.label, kind: stageKind(stage.id, stage.metadata) }));
}
