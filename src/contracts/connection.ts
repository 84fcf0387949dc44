import { z } from 'zod';

/**
 * `GET /api/settings/connection`: whether Lead Pact can reach HubSpot for this portal. `disconnected` (app
 * uninstalled, access revoked) comes with the reason and what to do; scoring and writes wait until a reinstall.
 */
export const connectionResponseSchema = z.object({
  status: z.enum(['connected', 'disconnected', 'not_installed']),
  reason: z.string().nullable(),
  message: z.string().nullable(),
});

export type ConnectionResponse = z.infer<typeof connectionResponseSchema>;
