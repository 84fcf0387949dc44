import { Option, type Command } from 'commander';
import { hubspotMode } from '../../config';
import { ROLES, startService, type Role } from '../../main';

/** Past this, a drain that hangs (a stuck request or job) gives way to a non-zero exit. */
const DRAIN_TIMEOUT_MS = 30_000;

/** The one paragraph shown at start-up while no HubSpot app is configured. */
export const CONNECT_HUBSPOT_HELP = [
  'HubSpot is not connected yet. Set HUBSPOT_CLIENT_SECRET (your HubSpot app secret; it signs webhooks and card',
  'requests) and PUBLIC_BASE_URL (the public https URL of this service), then either HUBSPOT_ACCESS_TOKEN and',
  'HUBSPOT_PORTAL_ID to serve one portal, or HUBSPOT_CLIENT_ID and TOKEN_ENCRYPTION_KEY (openssl rand -hex 32)',
  'to let portals install the app with OAuth. Upload the card and settings page with `hs project upload`.',
  'Step by step: README.md, "Connecting HubSpot".',
].join('\n');

/** Resolves on the first SIGTERM or SIGINT; keeps the process alive until then, even with nothing else to do. */
function nextSignal(): Promise<NodeJS.Signals> {
  const keepAlive = setInterval(() => undefined, 1 << 30);
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      clearInterval(keepAlive);
      resolve(signal);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

/** `lead-pact serve [--role web|worker|all]`: runs until SIGTERM or SIGINT, then drains and exits 0. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the service: the web app, the job worker, or both (all)')
    .addOption(new Option('--role <role>', 'which part to run').choices(ROLES).default('all'))
    .action(async (options: { role: Role }) => {
      const service = await startService(options.role);
      const where = service.url ? `is listening on ${service.url}` : 'is running.';
      const help = hubspotMode(service.config) === 'not-configured' ? `\n${CONNECT_HUBSPOT_HELP}\n\n` : '';
      // One write: whoever reads the output sees the address and the help together.
      process.stdout.write(`Lead Pact (${options.role}) ${where}\n${help}`);
      const signal = await nextSignal();
      service.logger.info({ signal }, 'shutting down');
      setTimeout(() => process.exit(1), DRAIN_TIMEOUT_MS).unref();
      await service.stop();
      process.exitCode = 0;
    });
}
