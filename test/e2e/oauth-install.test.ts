import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/store/create-store';
import { waitFor } from './e2e-processes';
import { installThroughOAuth } from './oauth-install';

// The stand-in and `lead-pact serve` in OAuth mode as two processes: an install through HubSpot's consent screen.
jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const KEY = 'cd'.repeat(32);
const oauthEnv = {
  HUBSPOT_CLIENT_ID: 'e2e-client-id',
  HUBSPOT_CLIENT_SECRET: 'e2e-client-secret',
};

let dir: string;
let children: ChildProcess[] = [];
let standinUrl: string;
let serviceUrl: string;

function launch(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env } });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  children.push(child);
  return () => output;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-e2e-oauth-'));
  writeFileSync(join(dir, 'seed.json'), JSON.stringify({ contacts: [], companies: [] }));
  const standin = launch(
    [join(ROOT, 'dist', 'src', 'standin', 'main.js'), '--port', '0', '--seed-file', join(dir, 'seed.json')],
    oauthEnv,
  );
  standinUrl = await waitFor(async () => /"url":"([^"]+)"/.exec(standin())?.[1], 'the stand-in', standin);
  const service = launch([join(ROOT, 'bin', 'lead-pact.js'), 'serve'], {
    ...oauthEnv,
    PORT: '0',
    DATA_DIR: join(dir, 'data'),
    LOG_LEVEL: 'warn',
    TOKEN_ENCRYPTION_KEY: KEY,
    PUBLIC_BASE_URL: 'https://leadpact.example.com',
    HUBSPOT_API_BASE_URL: standinUrl,
  });
  serviceUrl = await waitFor(
    async () => /listening on (http:\/\/\S+)/.exec(service())?.[1],
    'the service',
    service,
  );
});
afterAll(async () => {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }),
  );
  children = [];
  rmSync(dir, { recursive: true, force: true });
});

describe('an OAuth install, service and stand-in as two processes', () => {
  it('When the admin declines on the consent screen, then the service says so and connects nothing', async () => {
    const declined = await installThroughOAuth({ serviceUrl, standinUrl, consent: 'deny' });
    expect(declined.status).toBe(403);
    expect(declined.page).toContain('The install was declined');
    expect(await (await fetch(`${serviceUrl}/`)).text()).toContain('No HubSpot portal is connected');
  });

  it('When the admin approves, then portal 62515 is connected from the token response and its properties exist in HubSpot', async () => {
    const installed = await installThroughOAuth({ serviceUrl, standinUrl });
    expect(installed.status).toBe(200);
    expect(installed.page).toContain('Lead Pact is connected to portal 62515.');
    const store = await createStore({ dataDir: join(dir, 'data'), tokenEncryptionKey: KEY });
    try {
      const installation = await store.installations.get('62515');
      expect(installation?.status).toBe('connected');
      const group = await fetch(`${standinUrl}/crm/v3/properties/contacts/groups/lead_pact`, {
        headers: { authorization: `Bearer ${installation?.tokens?.accessToken}` },
      });
      expect(group.status).toBe(200);
    } finally {
      await store.close();
    }
  });
});
