import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { MODIFIED_PROPERTY, type StandinState } from './standin-state';
import type { WebhookSender } from './webhook-sender';

const companyBody = z.object({ properties: z.record(z.string(), z.coerce.string()) });
const associationBody = z.object({
  contactId: z.coerce.string().regex(/^\d+$/),
  companyId: z.coerce.string().regex(/^\d+$/),
  primary: z.boolean().default(true),
  removed: z.boolean().default(false),
});

const invalid = (res: Response, error: z.ZodError) => {
  const issue = error.issues[0];
  const message = `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
  res.status(400).json({ error: { code: 'invalid_input', message } });
};

/** Sends the events (when a webhook target is set) and answers with what was sent. */
async function answer(
  res: Response,
  id: string,
  events: Array<Record<string, unknown>>,
  sender: WebhookSender | undefined,
  now: number,
) {
  if (!sender) return void res.json({ id, webhook: null });
  const status = await sender.send(events, now).catch(() => 0);
  res.json({ id, webhook: { status, eventIds: events.map((event) => event.eventId) } });
}

/** Plays a HubSpot user editing a company: its `hs_lastmodifieddate` moves, then one propertyChange per property. */
function changeCompany(state: StandinState, now: () => number, sender?: WebhookSender) {
  return async (req: Request, res: Response) => {
    const body = companyBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const id = String(req.params.id);
    const company = state.companies.get(id);
    if (!company) {
      res.status(404).json({ error: { code: 'not_found', message: `No company ${id}` } });
      return;
    }
    const at = new Date(now()).toISOString();
    Object.assign(company.properties, body.data.properties, { [MODIFIED_PROPERTY.companies]: at });
    company.updatedAt = at;
    const events = sender?.companyEventsFor({ companyId: id, properties: body.data.properties }, now()) ?? [];
    await answer(res, id, events, sender, now());
  };
}

/** Plays a user associating a contact with a company (primary first) or removing it; events from both sides. */
function changeAssociation(state: StandinState, now: () => number, sender?: WebhookSender) {
  return async (req: Request, res: Response) => {
    const body = associationBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const { contactId, companyId, primary, removed } = body.data;
    if (!state.contacts.has(contactId) || !state.companies.has(companyId)) {
      res
        .status(404)
        .json({ error: { code: 'not_found', message: `No contact ${contactId} or company ${companyId}` } });
      return;
    }
    const others = (state.associations.get(contactId) ?? []).filter((id) => id !== companyId);
    const next = removed ? others : primary ? [companyId, ...others] : [...others, companyId];
    if (next.length > 0) state.associations.set(contactId, next);
    else state.associations.delete(contactId);
    const events = sender?.associationEventsFor(body.data, now()) ?? [];
    await answer(res, contactId, events, sender, now());
  };
}

/** The contact ids associated with a company, in id order. */
export function contactsOfCompany(state: StandinState, companyId: string): string[] {
  const ids: string[] = [];
  for (const [contactId, companyIds] of state.associations)
    if (companyIds.includes(companyId)) ids.push(contactId);
  return ids.sort((a, b) => Number(a) - Number(b));
}

/** Test hooks for companies: read one, change its properties, change a contact-company association. */
export function companyAdminRoutes(state: StandinState, now: () => number, sender?: WebhookSender): Router {
  const router = Router();
  router.get('/__standin/companies/:id', (req, res) => {
    const company = state.companies.get(req.params.id);
    if (!company) {
      res.status(404).json({ error: { code: 'not_found', message: `No company ${req.params.id}` } });
      return;
    }
    res.json({ ...company, contactIds: contactsOfCompany(state, company.id) });
  });
  router.post('/__standin/companies/:id', express.json(), changeCompany(state, now, sender));
  router.post('/__standin/associations', express.json(), changeAssociation(state, now, sender));
  return router;
}
