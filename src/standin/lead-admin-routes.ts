import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { DISQUALIFICATION_REASON, findStage, type StandinLeadPipeline } from './lead-state';
import { leadPropertyProblems } from './lead-validation';
import { sendLeadWebhook, subscribedChanges } from './lead-webhooks';
import type { StandinState } from './standin-state';
import type { WebhookSender } from './webhook-sender';

const repMove = z.object({
  stage: z.string().min(1),
  /** The HubSpot user moving the lead (the event's `sourceId` is `userId:<id>`). */
  userId: z.coerce.string().min(1),
  /** What the prospecting workspace asks for when the stage is the disqualified one. */
  reason: z.string().optional(),
  note: z.string().optional(),
});
const pipelines = z.object({
  results: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(1),
      displayOrder: z.number().default(0),
      archived: z.boolean().default(false),
      stages: z.array(
        z.object({
          id: z.string().min(1),
          label: z.string().min(1),
          displayOrder: z.number().default(0),
          archived: z.boolean().default(false),
          metadata: z.record(z.string(), z.string()).default({}),
        }),
      ),
    }),
  ),
});

function fail(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Plays a rep moving a Lead in the prospecting workspace: the stage changes and HubSpot's `CRM_UI` event follows. */
function moveByRep(state: StandinState, now: () => number, portalId: number, sender?: WebhookSender) {
  return async (req: Request, res: Response) => {
    const body = repMove.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'invalid_input', 'expected {stage, userId, reason?, note?}');
    const lead = state.leads.records.get(String(req.params.id));
    if (!lead) return fail(res, 404, 'not_found', `No lead ${req.params.id}`);
    const { stage, userId, reason, note } = body.data;
    if (!findStage(state.leads, stage)) return fail(res, 400, 'invalid_input', `No lead stage ${stage}`);
    const properties: Record<string, string> = { hs_pipeline_stage: stage };
    if (reason !== undefined) properties[DISQUALIFICATION_REASON] = reason;
    if (note !== undefined) properties.hs_lead_disqualification_note = note;
    const problems = leadPropertyProblems(state, portalId, properties, lead);
    if (problems.length > 0)
      return fail(res, 400, 'invalid_input', problems.map((p) => p.message).join('; '));
    if (
      stage === 'unqualified-stage-id' &&
      !properties[DISQUALIFICATION_REASON] &&
      !lead.properties[DISQUALIFICATION_REASON]
    )
      return fail(res, 400, 'invalid_input', 'the workspace asks for a disqualification reason');
    const at = new Date(now()).toISOString();
    const before = { ...lead.properties };
    Object.assign(lead.properties, properties, { hs_lastmodifieddate: at });
    lead.updatedAt = at;
    // One event per subscribed property the move changed (the stage; the reason when the rep gave a new one).
    const changes = subscribedChanges(before, lead.properties);
    const delivery =
      changes.length === 0
        ? undefined
        : sendLeadWebhook(
            state,
            sender,
            { leadId: lead.id, change: { properties: changes }, source: { userId } },
            now(),
          );
    res.json({ id: lead.id, webhook: delivery ? await delivery : null });
  };
}

/**
 * Test hooks for Leads under `/__standin` (not counted, not rate limited): every lead with its associations, one
 * lead, a rep's stage move or deletion in HubSpot (with the webhook), and the portal's lead pipelines.
 */
export function leadAdminRoutes(
  state: StandinState,
  now: () => number,
  portalId: number,
  sender?: WebhookSender,
): Router {
  const router = Router();
  router.get('/__standin/leads', (_req, res) => {
    res.json({ total: state.leads.records.size, leads: [...state.leads.records.values()] });
  });
  router.get('/__standin/leads/:id', (req, res) => {
    const lead = state.leads.records.get(String(req.params.id));
    if (!lead) return fail(res, 404, 'not_found', `No lead ${req.params.id}`);
    res.json(lead);
  });
  router.post('/__standin/leads/:id/stage', express.json(), moveByRep(state, now, portalId, sender));
  router.delete('/__standin/leads/:id', express.json(), async (req, res) => {
    const lead = state.leads.records.get(String(req.params.id));
    if (!lead) return fail(res, 404, 'not_found', `No lead ${req.params.id}`);
    state.leads.records.delete(lead.id);
    const userId = String((req.body as { userId?: unknown } | undefined)?.userId ?? '1');
    const delivery = sendLeadWebhook(
      state,
      sender,
      { leadId: lead.id, change: { deleted: true }, source: { userId } },
      now(),
    );
    res.json({ id: lead.id, webhook: delivery ? await delivery : null });
  });
  router.put('/__standin/lead-pipelines', express.json(), (req, res) => {
    const body = pipelines.safeParse(req.body);
    if (!body.success) return fail(res, 400, 'invalid_input', body.error.issues[0]?.message ?? 'bad body');
    state.leads.pipelines = body.data.results satisfies StandinLeadPipeline[];
    res.status(204).end();
  });
  return router;
}
