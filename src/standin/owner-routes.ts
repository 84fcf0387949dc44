import express, { Router } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import { requireScope } from './scope-guard';
import type { StandinState } from './standin-state';

/** HubSpot's owners endpoint pages 100 by default and at most 500. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

const ownersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
  after: z.string().optional(),
  archived: z.enum(['true', 'false']).default('false'),
  email: z.string().optional(),
});

const owner = z.object({
  id: z.coerce.string(),
  email: z.string().optional(),
  type: z.enum(['PERSON', 'QUEUE']).default('PERSON'),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().int().optional(),
  userIdIncludingInactive: z.number().int().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().default(false),
  teams: z.array(z.object({ id: z.coerce.string(), name: z.string(), primary: z.boolean() })).optional(),
});

/** The opaque cursor the stand-in issues: the next owner's position, base64 (HubSpot's look like this too). */
const cursorOf = (index: number) => Buffer.from(String(index)).toString('base64');
const indexOf = (cursor: string) => {
  const index = Number(Buffer.from(cursor, 'base64').toString('utf8'));
  return Number.isInteger(index) && index > 0 && cursorOf(index) === cursor ? index : undefined;
};

/**
 * `GET /crm/v3/owners` (scope `crm.objects.owners.read`): active owners, or archived ones with `archived=true`, in
 * pages with HubSpot's `paging.next.after`; a cursor it did not issue is refused. `PUT /__standin/owners` sets them
 * (`{results: [...]}` in HubSpot's shape).
 */
export function ownerRoutes(state: StandinState): Router {
  const router = Router();
  router.put('/__standin/owners', express.json(), (req, res) => {
    const parsed = z.object({ results: z.array(owner) }).safeParse(req.body ?? {});
    if (!parsed.success) return sendHubSpotError(res, 400, parsed.error.message, 'VALIDATION_ERROR');
    state.directory.owners = parsed.data.results;
    res.status(204).end();
  });
  router.get('/crm/v3/owners', requireScope(state, 'crm.objects.owners.read'), (req, res) => {
    const query = ownersQuery.safeParse(req.query);
    if (!query.success) return sendHubSpotError(res, 400, query.error.message, 'VALIDATION_ERROR');
    const { limit, after, archived, email } = query.data;
    const start = after === undefined ? 0 : indexOf(after);
    if (start === undefined) return sendHubSpotError(res, 400, `Invalid after: ${after}`, 'VALIDATION_ERROR');
    const matching = state.directory.owners.filter(
      (o) => o.archived === (archived === 'true') && (email === undefined || o.email === email),
    );
    const results = matching.slice(start, start + limit);
    const next = start + limit < matching.length ? cursorOf(start + limit) : undefined;
    const link =
      next && `https://api.hubapi.com/crm/v3/owners/?limit=${limit}&after=${encodeURIComponent(next)}`;
    res.json({ results, ...(next ? { paging: { next: { after: next, link } } } : {}) });
  });
  return router;
}
