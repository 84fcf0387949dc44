import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { createStandin } from './create-standin';
import { generateSeed } from './generate-seed';
import { seedSchema, type StandinSeed } from './standin-state';

function integer(min: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
    return n;
  };
}

function rate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
}

function loadSeed(file: string | undefined, contacts: number, seed: number): StandinSeed {
  if (!file) return generateSeed({ contacts, seed });
  return seedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** `node dist/src/standin/main.js --port N`: runs the HubSpot API stand-in as its own process. */
async function main(argv: string[]): Promise<void> {
  const options = new Command('hubspot-standin')
    .description('Local stand-in for the HubSpot CRM API (tests and benchmarks only)')
    .option('--port <n>', 'port to listen on (0 = any free port)', integer(0), 4010)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--limit <n>', 'requests per token per rolling 10 s', integer(1), 100)
    .option('--daily <n>', 'requests per token per UTC day (unlimited if absent)', integer(1))
    .option('--search-per-second <n>', 'search requests per token per second', integer(1), 5)
    .option('--fail-rate <r>', 'share of requests answered 503', rate, 0)
    .option('--contacts <n>', 'contacts to generate when no seed file is given', integer(0), 1000)
    .option('--seed <n>', 'generator seed', integer(0), 42)
    .option(
      '--seed-file <file>',
      'JSON {contacts:[{id, properties, companyId?}], companies:[{id, properties}]}',
    )
    .option('--portal-id <n>', 'hub_id reported for tokens', integer(1), 62515)
    .option(
      '--webhook-url <url>',
      'app URL that receives signed webhook events for /__standin/contacts/:id changes',
    )
    .option(
      '--webhook-signed-url <url>',
      'public URL to sign instead of --webhook-url (as PUBLIC_BASE_URL rebuilds it)',
    )
    .parse(argv)
    .opts<{
      port: number;
      host: string;
      limit: number;
      daily?: number;
      failRate: number;
      searchPerSecond: number;
      contacts: number;
      seed: number;
      seedFile?: string;
      portalId: number;
      webhookUrl?: string;
      webhookSignedUrl?: string;
    }>();
  // The client secret comes from the environment only, never from the command line (ps would show it).
  const clientSecret = process.env.HUBSPOT_CLIENT_SECRET;
  if (options.webhookUrl && !clientSecret)
    throw new Error('--webhook-url needs HUBSPOT_CLIENT_SECRET in the environment');
  const standin = createStandin({
    seed: loadSeed(options.seedFile, options.contacts, options.seed),
    perTenSeconds: options.limit,
    daily: options.daily,
    failureRate: options.failRate,
    searchPerSecond: options.searchPerSecond,
    portalId: options.portalId,
    oauthClient: { clientId: process.env.HUBSPOT_CLIENT_ID, clientSecret: clientSecret },
    webhook:
      options.webhookUrl && clientSecret
        ? { targetUrl: options.webhookUrl, signedUrl: options.webhookSignedUrl, clientSecret }
        : undefined,
  });
  const { url, close } = await standin.listen(options.port, options.host);
  process.stdout.write(
    `${JSON.stringify({ standin: 'listening', url, contacts: standin.state.contacts.size })}\n`,
  );
  const stop = () => void close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`hubspot-standin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
