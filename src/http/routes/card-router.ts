import { Router } from 'express';
import {
  cardQuerySchema,
  cardResponseSchema,
  scoreNowRequestSchema,
  verdictRequestSchema,
  verdictResponseSchema,
} from '../../contracts/card';
import { requestKey } from '../../use-cases/ports/request-receipts';
import type { CardPorts } from '../../use-cases/card/card-ports';
import { loadCard } from '../../use-cases/card/load-card';
import { recordVerdict } from '../../use-cases/card/record-verdict';
import { scoreNow } from '../../use-cases/card/score-now';
import { parseInput } from './parse-input';
import { signedCaller } from './signed-caller';

/** The lead quality card's API: read the card, record a verdict, score a contact now. Mount behind the signature. */
export function cardRouter(ports: CardPorts): Router {
  const router = Router();
  router.get('/api/card', async (req, res) => {
    const { portalId } = signedCaller(res);
    const { objectId } = parseInput(cardQuerySchema, req.query, 'query');
    // loadCard already checked the scored card against the contract; parsing it twice cost ~3% per request.
    res.json(await loadCard(ports, { portalId, objectId }));
  });
  // hubspot.fetch may deliver a state-changing call twice: each is applied once per request id (see request-receipts).
  router.post('/api/card/verdict', async (req, res) => {
    const caller = signedCaller(res);
    const { requestId, ...request } = parseInput(verdictRequestSchema, req.body, 'verdict');
    const key = requestKey(caller, 'card.verdict', requestId);
    const recorded = await recordVerdict(ports, { ...caller, request, requestKey: key });
    res.json(verdictResponseSchema.parse(recorded));
  });
  router.post('/api/card/score-now', async (req, res) => {
    const caller = signedCaller(res);
    const { objectId, requestId } = parseInput(scoreNowRequestSchema, req.body, 'request');
    const key = requestKey(caller, 'card.score-now', requestId);
    const { outcome, card } = await scoreNow(ports, { portalId: caller.portalId, objectId, requestKey: key });
    // 202: the contact is not stored yet; a sync job fetches and scores it.
    res.status(outcome === 'queued' ? 202 : 200).json(cardResponseSchema.parse(card));
  });
  return router;
}
