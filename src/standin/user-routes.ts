import express, { Router } from 'express';
import { z } from 'zod';
import { sendHubSpotError } from './hubspot-error-body';
import type { StandinState } from './standin-state';

const userTeams = z.object({
  primaryTeamId: z.coerce.string().optional(),
  secondaryTeamIds: z.array(z.coerce.string()).default([]),
});

/** `GET /settings/v3/users/:id` (HubSpot's shape; unknown users answer 404) and `PUT /__standin/users/:id` to set teams. */
export function userRoutes(state: StandinState): Router {
  const router = Router();
  router.put('/__standin/users/:id', express.json(), (req, res) => {
    const parsed = userTeams.safeParse(req.body ?? {});
    if (!parsed.success) return sendHubSpotError(res, 400, parsed.error.message, 'VALIDATION_ERROR');
    state.users.set(req.params.id, parsed.data);
    res.status(204).end();
  });
  router.get('/settings/v3/users/:id', (req, res) => {
    const user = state.users.get(req.params.id);
    if (!user) return sendHubSpotError(res, 404, `Could not find user ${req.params.id}`, 'OBJECT_NOT_FOUND');
    res.json({
      id: req.params.id,
      email: `user-${req.params.id}@standin.example`,
      roleId: '100',
      ...user,
      superAdmin: false,
    });
  });
  return router;
}
