import express, { Router } from 'express';
import { emptyStats, type StandinState } from './standin-state';

/**
 * Test hooks under `/__standin` (not counted, not rate limited): stats, a contact's stored properties,
 * the recorded batch updates, token revocation and a counter reset.
 */
export function adminRoutes(state: StandinState): Router {
  const router = Router();
  router.get('/__standin/stats', (_req, res) => {
    res.json({ ...state.stats, contacts: state.contacts.size, companies: state.companies.size });
  });
  router.get('/__standin/contacts/:id', (req, res) => {
    const contact = state.contacts.get(req.params.id);
    if (!contact) {
      res.status(404).json({ error: { code: 'not_found', message: `No contact ${req.params.id}` } });
      return;
    }
    res.json({ ...contact, companyIds: state.associations.get(contact.id) ?? [] });
  });
  router.get('/__standin/batch-updates', (req, res) => {
    const since = Number(req.query.since ?? 0) || 0;
    res.json({ total: state.updates.length, updates: state.updates.slice(since) });
  });
  router.post('/__standin/revoke', express.json(), (req, res) => {
    const token = (req.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      res.status(400).json({ error: { code: 'invalid_input', message: 'token is required' } });
      return;
    }
    state.revokedTokens.add(token);
    res.status(204).end();
  });
  router.post('/__standin/reset-stats', (_req, res) => {
    state.stats = emptyStats();
    state.updates = [];
    res.status(204).end();
  });
  return router;
}
