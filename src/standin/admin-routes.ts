import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { companyAdminRoutes } from './company-admin-routes';
import { failurePlanSchema, type FailurePlan } from './failure-plan';
import { emptyStats, type StandinState } from './standin-state';
import type { WebhookSender } from './webhook-sender';

const changeBody = z.object({
  properties: z.record(z.string(), z.coerce.string()),
  companyId: z.coerce.string().optional(),
});

/** Plays a HubSpot user editing (or creating) a contact; with a webhook target, HubSpot's events follow. */
function changeContact(state: StandinState, now: () => number, sender?: WebhookSender) {
  return async (req: Request, res: Response) => {
    const body = changeBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: { code: 'invalid_input', message: 'expected {properties: {...}}' } });
      return;
    }
    const id = String(req.params.id);
    const at = new Date(now()).toISOString();
    const existing = state.contacts.get(id);
    const contact = existing ?? {
      id,
      properties: { createdate: at, hs_object_id: id },
      createdAt: at,
      updatedAt: at,
    };
    Object.assign(contact.properties, body.data.properties, { lastmodifieddate: at });
    contact.updatedAt = at;
    state.contacts.set(id, contact);
    if (body.data.companyId && state.companies.has(body.data.companyId))
      state.associations.set(id, [body.data.companyId]);
    if (!sender) {
      res.json({ id, webhook: null });
      return;
    }
    const events = sender.eventsFor(
      { contactId: id, created: !existing, properties: body.data.properties },
      now(),
    );
    const status = await sender.send(events, now()).catch(() => 0);
    res.json({ id, webhook: { status, eventIds: events.map((event) => event.eventId) } });
  };
}

/** `PUT /__standin/failures`: replaces the failure plan (`{rules: []}` ends it). */
function setFailures(plan: FailurePlan) {
  return (req: Request, res: Response) => {
    const body = failurePlanSchema.safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      const message = `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
      res.status(400).json({ error: { code: 'invalid_input', message } });
      return;
    }
    plan.set(body.data.rules);
    res.status(204).end();
  };
}

/**
 * Test hooks under `/__standin` (not counted, not rate limited): stats, a contact's stored properties, a
 * user-side change of a contact, a company or an association (with webhooks), the recorded batch updates and
 * requests, scripted failures, token revocation and a counter reset.
 */
export function adminRoutes(
  state: StandinState,
  now: () => number,
  hooks: { sender?: WebhookSender; plan: FailurePlan },
): Router {
  const { sender, plan } = hooks;
  const router = Router();
  router.put('/__standin/failures', express.json(), setFailures(plan));
  router.get('/__standin/requests', (req, res) => {
    const since = Number(req.query.since ?? 0) || 0;
    res.json({ total: state.requestLog.length, requests: state.requestLog.slice(since) });
  });
  router.post('/__standin/contacts/:id', express.json(), changeContact(state, now, sender));
  router.use(companyAdminRoutes(state, now, sender));
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
    state.requestLog = [];
    res.status(204).end();
  });
  return router;
}
