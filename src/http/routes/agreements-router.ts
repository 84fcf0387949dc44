import { Router, type Response } from 'express';
import {
  agreementsResponseSchema,
  approveRequestSchema,
  proposeRequestSchema,
  putDraftRequestSchema,
  sendBackRequestSchema,
} from '../../contracts/agreements';
import { approveVersion } from '../../use-cases/agreements/approve-version';
import type { AgreementPorts } from '../../use-cases/agreements/ports';
import { proposeVersion } from '../../use-cases/agreements/propose-version';
import { saveDraft } from '../../use-cases/agreements/save-draft';
import { sendBackVersion } from '../../use-cases/agreements/send-back-version';
import { agreementsView } from './agreements-view';
import { parseInput } from './parse-input';
import { signedCaller, type Caller } from './signed-caller';

/** The agreement lifecycle for the settings page; every answer is the whole agreements view, refreshed. */
export function agreementsRouter(ports: AgreementPorts): Router {
  const router = Router();
  const answer = async (res: Response, caller: Caller) =>
    res.json(agreementsResponseSchema.parse(await agreementsView(ports, caller)));

  router.get('/api/agreements', async (_req, res) => {
    await answer(res, signedCaller(res));
  });
  router.put('/api/agreements/draft', async (req, res) => {
    const caller = signedCaller(res);
    const { agreement, version } = parseInput(putDraftRequestSchema, req.body, 'draft');
    await saveDraft(ports, { ...caller, body: agreement, version });
    await answer(res, caller);
  });
  router.post('/api/agreements/propose', async (req, res) => {
    const caller = signedCaller(res);
    const { version, rationale, actingAs } = parseInput(proposeRequestSchema, req.body, 'proposal');
    const actor = { userId: caller.userId, actingAs };
    await proposeVersion(ports, { portalId: caller.portalId, version, actor, rationale });
    await answer(res, caller);
  });
  router.post('/api/agreements/approve', async (req, res) => {
    const caller = signedCaller(res);
    const { version, actingAs } = parseInput(approveRequestSchema, req.body, 'approval');
    await approveVersion(ports, {
      portalId: caller.portalId,
      version,
      actor: { userId: caller.userId, actingAs },
    });
    await answer(res, caller);
  });
  router.post('/api/agreements/send-back', async (req, res) => {
    const caller = signedCaller(res);
    const { version, comment, actingAs } = parseInput(sendBackRequestSchema, req.body, 'send-back');
    const actor = { userId: caller.userId, actingAs };
    await sendBackVersion(ports, { portalId: caller.portalId, version, actor, comment });
    await answer(res, caller);
  });
  return router;
}
