import express, { Router } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import { ownerRoutes } from './owner-routes';
import { requireScope } from './scope-guard';
import type { StandinState } from './standin-state';

/** `PUT /__standin/users/:id`: the user's teams, and whether they are a super admin of the account (default no). */
const standinUser = z.object({
  primaryTeamId: z.coerce.string().optional(),
  secondaryTeamIds: z.array(z.coerce.string()).default([]),
  superAdmin: z.boolean().default(false),
});

const team = z.object({
  id: z.coerce.string(),
  name: z.string().min(1),
  userIds: z.array(z.coerce.string()).default([]),
  secondaryUserIds: z.array(z.coerce.string()).default([]),
});

/** `PUT /__standin/scopes {"scopes": [...]}`: what every token was granted; `null` grants all. */
const grantedScopes = z.object({ scopes: z.array(z.string()).nullable() });

/**
 * The users and teams API (scopes `settings.users.read`, `settings.users.teams.read`) and the owners API, each
 * refusing a token without its scope as HubSpot does: `GET /settings/v3/users/teams`, `GET /settings/v3/users/:id`
 * (unknown users answer 404), `GET /crm/v3/owners`. Admin: `PUT /__standin/users/:id` sets a user's teams and
 * `superAdmin`, `PUT /__standin/teams` the account's teams, `PUT /__standin/owners` its owners, `PUT /__standin/scopes`
 * the grant.
 */
export function userRoutes(state: StandinState): Router {
  const router = Router();
  router.put('/__standin/scopes', express.json(), (req, res) => {
    const parsed = grantedScopes.safeParse(req.body ?? {});
    if (!parsed.success) return sendHubSpotError(res, 400, parsed.error.message, 'VALIDATION_ERROR');
    state.directory.grantedScopes = parsed.data.scopes === null ? null : new Set(parsed.data.scopes);
    res.status(204).end();
  });
  router.put('/__standin/teams', express.json(), (req, res) => {
    const parsed = z.object({ results: z.array(team) }).safeParse(req.body ?? {});
    if (!parsed.success) return sendHubSpotError(res, 400, parsed.error.message, 'VALIDATION_ERROR');
    state.directory.teams = parsed.data.results;
    res.status(204).end();
  });
  // Before `/settings/v3/users/:id`, which would otherwise take "teams" for a user id.
  router.get('/settings/v3/users/teams', requireScope(state, 'settings.users.teams.read'), (_req, res) => {
    res.json({ results: state.directory.teams });
  });
  router.put('/__standin/users/:id', express.json(), (req, res) => {
    const parsed = standinUser.safeParse(req.body ?? {});
    if (!parsed.success) return sendHubSpotError(res, 400, parsed.error.message, 'VALIDATION_ERROR');
    state.users.set(req.params.id, parsed.data);
    res.status(204).end();
  });
  router.get('/settings/v3/users/:id', requireScope(state, 'settings.users.read'), (req, res) => {
    const id = String(req.params.id);
    const user = state.users.get(id);
    if (!user) return sendHubSpotError(res, 404, `Could not find user ${id}`, 'OBJECT_NOT_FOUND');
    res.json({
      id,
      email: `user-${id}@standin.example`,
      roleId: '100',
      ...user,
    });
  });
  router.use(ownerRoutes(state));
  return router;
}
