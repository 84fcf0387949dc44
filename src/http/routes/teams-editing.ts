import type { TeamsEditing } from '../../contracts/agreements';
import type { Logger } from '../../logger';
import type { SuperAdminLookup } from '../../use-cases/agreements/ports';

/**
 * Whether the signed user may change the team mapping, for the settings page: HubSpot super admins only. When HubSpot
 * cannot say (a missing scope, an outage), nobody may for now and the page says why; the log gets the detail.
 */
export function teamsEditing(
  admins: SuperAdminLookup,
  logger?: Pick<Logger, 'warn'>,
): (caller: { portalId: string; userId: string }) => Promise<TeamsEditing> {
  return async ({ portalId, userId }) => {
    try {
      const allowed = await admins.isSuperAdmin(portalId, userId);
      return allowed ? { allowed } : { allowed, reason: 'not_super_admin' };
    } catch (error) {
      logger?.warn({ portalId, err: error }, 'Could not ask HubSpot whether the user is a super admin');
      return { allowed: false, reason: 'users_unreadable' };
    }
  };
}
