import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exchangeCode, refreshAccessToken, REQUIRED_SCOPES } from '../../src/hubspot/oauth';
import { createStandin } from '../../src/standin/create-standin';
import { createStore } from '../../src/store/create-store';
import { runCliAsync } from './run-cli';

const CLIENT = { clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const KEY = 'ab'.repeat(32);
const REDIRECT = 'https://leadpact.example.com/oauth/callback';

let dir: string;
let close: () => Promise<void>;
let url: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-remove-'));
  ({ url, close } = await createStandin({ portalId: 62515, oauthClient: CLIENT }).listen(0));
});
afterEach(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

/** Installs portal 62515 the way the callback does: a consent, a code exchange, the tokens stored encrypted. */
async function installedPortal() {
  const query = new URLSearchParams({
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    scope: REQUIRED_SCOPES.join(' '),
  });
  const consent = await fetch(`${url}/oauth/authorize?${query}`, { redirect: 'manual' });
  const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const tokens = await exchangeCode({ apiBaseUrl: url, ...CLIENT }, code, REDIRECT);
  const store = await createStore({ dataDir: dir, tokenEncryptionKey: KEY });
  await store.installations.connect(
    '62515',
    { ...tokens, expiresAt: Date.now() + 1_800_000 },
    REQUIRED_SCOPES.slice(),
    Date.now(),
  );
  await store.close();
  return tokens;
}

const env = () => ({
  DATA_DIR: dir,
  TOKEN_ENCRYPTION_KEY: KEY,
  HUBSPOT_CLIENT_ID: CLIENT.clientId,
  HUBSPOT_CLIENT_SECRET: CLIENT.clientSecret,
  HUBSPOT_API_BASE_URL: url,
  PUBLIC_BASE_URL: 'https://leadpact.example.com',
});

describe('lead-pact portal remove', () => {
  it('When an operator removes a portal, then HubSpot revokes its refresh token, its access token stops working and the store forgets both', async () => {
    const tokens = await installedPortal();
    const run = await runCliAsync(['portal', 'remove', '--portal', '62515'], env());
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(
      'Portal 62515 removed: HubSpot revoked its refresh token; its tokens are erased from the store.\n' +
        'Its contacts, agreements and history are kept; installing the app again reconnects it.\n',
    );
    await expect(
      refreshAccessToken({ apiBaseUrl: url, ...CLIENT }, tokens.refreshToken),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    const crm = await fetch(`${url}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(crm.status).toBe(401);
    const store = await createStore({ dataDir: dir, tokenEncryptionKey: KEY });
    expect(await store.installations.get('62515')).toMatchObject({ status: 'disconnected', tokens: null });
    await store.close();
  });

  it('When the portal id is not digits or the OAuth app is not configured, then it exits 2 naming what to fix', async () => {
    const bad = await runCliAsync(['portal', 'remove', '--portal', 'abc'], env());
    expect(bad).toMatchObject({ status: 2, stderr: '--portal: expected a HubSpot portal id (digits)\n' });
    const unconfigured = await runCliAsync(['portal', 'remove', '--portal', '62515'], { DATA_DIR: dir });
    expect(unconfigured.status).toBe(2);
    expect(unconfigured.stderr).toMatch(/HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET are needed/);
  });
});
