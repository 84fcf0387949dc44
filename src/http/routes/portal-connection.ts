import type { ConnectionResponse } from '../../contracts/connection';
import type { Store } from '../../store/create-store';

/**
 * The portal's connection state, read without opening its tokens (the settings page shows it). The static-token
 * portal (HUBSPOT_ACCESS_TOKEN) has no installation and is always connected.
 */
export async function portalConnection(
  store: Pick<Store, 'ctx'>,
  portalId: string,
  staticPortalId?: string,
): Promise<ConnectionResponse> {
  if (portalId === staticPortalId) return { status: 'connected', reason: null, message: null };
  const row = await store.ctx.db
    .selectFrom('installations')
    .select(['status', 'status_reason'])
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  if (!row) return { status: 'not_installed', reason: null, message: null };
  if (row.status !== 'disconnected') return { status: 'connected', reason: null, message: null };
  return {
    status: 'disconnected',
    reason: row.status_reason,
    message:
      'Lead Pact lost access to this HubSpot account: reinstall the app to resume scoring. Nothing is lost meanwhile.',
  };
}
