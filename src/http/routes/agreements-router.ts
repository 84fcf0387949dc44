import { Router, type Response } from 'express';
import {
  agreementsQuerySchema,
  agreementsResponseSchema,
  type AgreementsQuery,
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
import type { ApplyOnce } from './request-once';
import { signedCaller, type Caller } from './signed-caller';

/** The agreement ports, and how a write runs once per request id. */
export interface AgreementRouteDeps {
  ports: AgreementPorts;
  once: ApplyOnce<AgreementPorts>;
}

/**
 * The agreement lifecycle for the settings page; every answer is the whole agreements view, refreshed. Each write is
 * applied once per request id: hubspot.fetch retries a call after a 5xx or a lost connection, and the copy must not
 * save a second draft or answer 409 for the proposal or approval its first copy made. A copy answers the view.
 */
export function agreementsRouter(deps: AgreementRouteDeps): Router {
  const router = Router();
  const { ports } = deps;
  const answer = async (res: Response, caller: Caller, page?: AgreementsQuery) =>
    res.json(agreementsResponseSchema.parse(await agreementsView(ports, caller, page)));
  /** The use case on ports whose transaction records the request's receipt with its effect. */
  const once =
    (caller: Caller, route: string, requestId: string | undefined) =>
    (effect: (ports: AgreementPorts) => Promise<unknown>) =>
      deps.once({ ...caller, route: `agreements.${route}`, requestId }, effect);

  router.get('/api/agreements', async (req, res) => {
    const caller = signedCaller(res);
    await answer(res, caller, parseInput(agreementsQuerySchema, req.query, 'query'));
  });
  router.put('/api/agreements/draft', async (req, res) => {
    const caller = signedCaller(res);
    const { agreement, version, requestId } = parseInput(putDraftRequestSchema, req.body, 'draft');
    await once(caller, 'draft', requestId)((p) => saveDraft(p, { ...caller, body: agreement, version }));
    await answer(res, caller);
  });
  router.post('/api/agreements/propose', async (req, res) => {
    const caller = signedCaller(res);
    const { version, rationale, actingAs, requestId } = parseInput(
      proposeRequestSchema,
      req.body,
      'proposal',
    );
    const actor = { userId: caller.userId, actingAs };
    await once(
      caller,
      'propose',
      requestId,
    )((p) => proposeVersion(p, { portalId: caller.portalId, version, actor, rationale }));
    await answer(res, caller);
  });
  router.post('/api/agreements/approve', async (req, res) => {
    const caller = signedCaller(res);
    const { version, actingAs, requestId } = parseInput(approveRequestSchema, req.body, 'approval');
    const actor = { userId: caller.userId, actingAs };
    await once(
      caller,
      'approve',
      requestId,
    )((p) => approveVersion(p, { portalId: caller.portalId, version, actor }));
    await answer(res, caller);
  });
  router.post('/api/agreements/send-back', async (req, res) => {
    const caller = signedCaller(res);
    const { version, comment, actingAs, requestId } = parseInput(
      sendBackRequestSchema,
      req.body,
      'send-back',
    );
    const actor = { userId: caller.userId, actingAs };
    await once(
      caller,
      'send-back',
      requestId,
    )((p) => sendBackVersion(p, { portalId: caller.portalId, version, actor, comment }));
    await answer(res, caller);
  });
  return router;
}
