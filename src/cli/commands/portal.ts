import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config';
import { AppError } from '../../domain/app-error';
import { revokeRefreshToken } from '../../hubspot/revoke-refresh-token';
import { createStore } from '../../store/create-store';
import { removePortal, type RemovedPortal } from '../../use-cases/install/remove-portal';

const portalId = z.string().regex(/^\d+$/, 'expected a HubSpot portal id (digits)');

const SAID: Record<RemovedPortal['refreshToken'], string> = {
  revoked: 'HubSpot revoked its refresh token',
  already_invalid: 'HubSpot no longer knew its refresh token (already uninstalled or revoked)',
  none: 'no refresh token was stored',
};

async function remove(options: { portal: string }): Promise<void> {
  const parsed = portalId.safeParse(options.portal);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid value';
    throw new AppError('invalid_input', `--portal: ${message}`, [{ path: '--portal', message }]);
  }
  const config = loadConfig(process.env);
  const { clientId, clientSecret, apiBaseUrl } = config.hubspot;
  if (!clientId || !clientSecret)
    throw new AppError(
      'invalid_input',
      "HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are needed to revoke the portal's tokens at HubSpot.",
    );
  const store = await createStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    tokenEncryptionKey: config.tokenEncryptionKey?.toString('hex'),
  });
  try {
    const client = { apiBaseUrl, clientId, clientSecret };
    const deps = {
      installations: store.installations,
      revokeRefreshToken: (token: string) => revokeRefreshToken(client, token),
    };
    const removed = await removePortal(deps, parsed.data, Date.now());
    process.stdout.write(
      `Portal ${removed.portalId} removed: ${SAID[removed.refreshToken]}; its tokens are erased from the store.\n` +
        'Its contacts, agreements and history are kept; installing the app again reconnects it.\n',
    );
  } finally {
    await store.close();
  }
}

/** `lead-pact portal remove --portal ID`: revokes a portal's OAuth tokens at HubSpot and erases them. */
export function registerPortalCommand(program: Command): void {
  const portal = program.command('portal').description('manage the HubSpot portals connected through OAuth');
  portal
    .command('remove')
    .description("revoke a portal's refresh token at HubSpot, erase its tokens and mark it disconnected")
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .action(remove);
}
