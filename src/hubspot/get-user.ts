import type { Client } from '@hubspot/api-client';
import { z } from 'zod';
import { isAppError } from '../domain/app-error';
import type { HubSpotUser } from './hubspot-gateway';
import { translateHubSpotError } from './translate-hubspot-error';

/**
 * HubSpot documents `superAdmin` as a boolean yet shows it as the string "false" in an example, so both spellings are
 * read; a missing or other value is not a super admin (closed by default).
 */
const superAdmin = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .nullish()
  .catch(false)
  .transform((v) => v === true);

const userSchema = z.object({
  id: z.coerce.string(),
  email: z.string().nullish(),
  primaryTeamId: z.coerce.string().nullish(),
  secondaryTeamIds: z.array(z.coerce.string()).nullish(),
  superAdmin,
});

/**
 * `GET /settings/v3/users/{userId}` (scope `settings.users.read`): the user's teams, primary first, and whether they
 * are a super admin of the account; null when HubSpot does not know the user (404).
 */
export async function getUser(client: Client, userId: string): Promise<HubSpotUser | null> {
  const answer = await client.settings.users.usersApi.getById(userId, 'USER_ID').catch((error: unknown) => {
    const translated = translateHubSpotError(error, `Reading HubSpot user ${userId}`);
    if (isAppError(translated, 'not_found')) return null;
    throw translated;
  });
  if (answer === null) return null;
  const user = userSchema.parse(answer);
  return {
    id: user.id,
    email: user.email ?? null,
    teamIds: [...(user.primaryTeamId ? [user.primaryTeamId] : []), ...(user.secondaryTeamIds ?? [])],
    superAdmin: user.superAdmin,
  };
}
