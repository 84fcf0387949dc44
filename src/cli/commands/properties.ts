import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { hubspotMode, loadConfig } from '../../config';
import { portalGatewaysOf } from '../../composition/service-context';
import { AppError } from '../../domain/app-error';
import { configSecrets, createLogger } from '../../logger';
import { createStore } from '../../store/create-store';
import type { PropertiesFile } from '../contacts/properties-file';

const portalId = z.string().regex(/^\d+$/, 'expected a HubSpot portal id (digits)');

interface PullOptions {
  portal: string;
  out?: string;
}

/**
 * Asks HubSpot (through the portal's gateway: its stored OAuth token or the static token, its request budget) for
 * the contact and company property definitions and saves them for `simulate --properties`.
 */
async function pull(options: PullOptions): Promise<void> {
  const parsed = portalId.safeParse(options.portal);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid value';
    throw new AppError('invalid_input', `--portal: ${message}`, [{ path: '--portal', message }]);
  }
  const portal = parsed.data;
  const config = loadConfig(process.env);
  if (hubspotMode(config) === 'not-configured') {
    throw new AppError(
      'invalid_input',
      'HubSpot is not configured: set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET (an installed portal) ' +
        'or HUBSPOT_ACCESS_TOKEN and HUBSPOT_PORTAL_ID.',
    );
  }
  const out = options.out ?? `hubspot-properties-${portal}.json`;
  const store = await createStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    tokenEncryptionKey: config.tokenEncryptionKey?.toString('hex'),
  });
  // Only warnings, on stderr: stdout says what was saved.
  const logger = createLogger({ level: 'warn', secrets: configSecrets(config), destination: process.stderr });
  let file: PropertiesFile;
  try {
    const gateway = portalGatewaysOf({ config, logger, store })(portal);
    const [contact, company] = await Promise.all([
      gateway.listProperties('contacts'),
      gateway.listProperties('companies'),
    ]);
    file = { source: 'hubspot', portalId: portal, pulledAt: new Date().toISOString(), contact, company };
  } finally {
    await store.close();
  }
  const text = `${JSON.stringify(file, null, 2)}\n`;
  if (out === '-') return void process.stdout.write(text);
  await writeFile(out, text);
  process.stdout.write(
    `Saved ${file.contact.length} contact and ${file.company.length} company properties of portal ${portal} ` +
      `to ${out} (use it with: lead-pact simulate --properties ${out})\n`,
  );
}

/** `lead-pact properties pull --portal ID [--out FILE]`: a portal's property labels, for exports in its language. */
export function registerPropertiesCommand(program: Command): void {
  const properties = program
    .command('properties')
    .description(
      "a portal's HubSpot property definitions (labels and option labels in the account's language)",
    );
  properties
    .command('pull')
    .description('save the contact and company property definitions from HubSpot, for simulate --properties')
    .requiredOption('--portal <id>', 'HubSpot portal id')
    .option('--out <file>', 'where to save them ("-": stdout; default hubspot-properties-<id>.json)')
    .action(pull);
}
