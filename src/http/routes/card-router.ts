import { Router } from 'express';
import {
  cardQuerySchema,
  cardResponseSchema,
  scoreNowRequestSchema,
  verdictRequestSchema,
  verdictResponseSchema,
} from '../../contracts/card';
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
  router.post('/api/card/verdict', async (req, res) => {
    const { portalId, userId } = signedCaller(res);
    const request = parseInput(verdictRequestSchema, req.body, 'verdict');
    res.json(verdictResponseSchema.parse(await recordVerdict(ports, { portalId, userId, request })));
  });
  router.post('/api/card/score-now', async (req, res) => {
    const { portalId } = signedCaller(res);
    const { objectId } = parseInput(scoreNowRequestSchema, req.body, 'request');
    const { outcome, card } = await scoreNow(ports, { portalId, objectId });
    // 202: the contact is not stored yet; a sync job fetches and scores it.
    res.status(outcome === 'queued' ? 202 : 200).json(cardResponseSchema.parse(card));
  });
  return router;
}
