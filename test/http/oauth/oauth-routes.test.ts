import express from 'express';
import nock from 'nock';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../src/config';
import { oauthRouter } from '../../../src/http/routes/oauth-router';
import { REQUIRED_SCOPES } from '../../../src/hubspot/oauth';
import { createStore, type Store } from '../../../src/store/create-store';
import { createOAuthState, STATE_TTL_MS } from '../../../src/use-cases/install/oauth-state';
import { fixture } from '../../hubspot/fixture';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

const API = 'https://api.hubapi.test';
const PUBLIC = 'https://leadpact.example.com';
const SECRET = 'client-secret-1';
const NOW = Date.UTC(2026, 10, 27, 12);
const token = fixture<{ access_token: string; refresh_token: string }>('oauth-2026-03-token');

const hubspot = (overrides: Partial<Config['hubspot']> = {}): Config['hubspot'] => ({
  clientId: 'client-id-1',
  clientSecret: SECRET,
  accessToken: undefined,
  portalId: undefined,
  apiBaseUrl: API,
  requestsPer10s: 100,
  ...overrides,
});

let dir: string;
let store: Store;
let server: Server;
let base: string;
let ensured: string[];

async function start(config = { hubspot: hubspot(), publicBaseUrl: PUBLIC as string | undefined }) {
  const app = express();
  const gatewayFor = (accessToken: string) => ({
    ensureProperties: () => {
      ensured.push(accessToken);
      return Promise.resolve({
        groupCreated: true,
        created: ['lead_pact_tier'],
        optionsAdded: [],
        unchanged: [],
      });
    },
  });
  app.use(
    oauthRouter({
      config,
      store,
      logger: { info: () => {}, warn: () => {} },
      gatewayFor,
      oauthFor: hubspotOAuth,
      clock: { now: () => NOW },
    }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
beforeEach(async () => {
  ensured = [];
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-oauth-'));
  store = await createStore({ dataDir: dir, tokenEncryptionKey: 'cd'.repeat(32) });
});
afterEach(async () => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { redirect: 'manual', headers });

/** What a browser does: GET /oauth/install, keep the state cookie, read the state HubSpot will hand back. */
async function startInstall(): Promise<{ state: string; cookie: string; setCookie: string }> {
  const res = await get('/oauth/install');
  const state = new URL(res.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { state, cookie: setCookie.split(';')[0] ?? '', setCookie };
}
const callback = (query: string, cookie?: string) =>
  get(`/oauth/callback?${query}`, cookie ? { cookie } : {});

function hubspotAcceptsCode(code: string) {
  nock(API)
    .post('/oauth/2026-03/token', (body: Record<string, string>) => {
      return (
        body.grant_type === 'authorization_code' &&
        body.code === code &&
        body.redirect_uri === `${PUBLIC}/oauth/callback` &&
        body.client_secret === SECRET
      );
    })
    .reply(200, fixture('oauth-2026-03-token'));
}

describe('GET /oauth/install', () => {
  it('When an admin starts the install, then they are sent to HubSpot with our scopes, redirect and a signed state', async () => {
    await start();
    const res = await get('/oauth/install');
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location') ?? '');
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('client-id-1');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/oauth/callback`);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual([...REQUIRED_SCOPES]);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('When an admin starts the install, then the state is bound to their browser by an HttpOnly, Secure, SameSite=Lax cookie', async () => {
    await start();
    const { state, setCookie } = await startInstall();
    const [pair, ...attributes] = setCookie.split('; ');
    expect(pair).toBe(`lead_pact_install_state=${state}`);
    expect(attributes).toEqual(
      expect.arrayContaining(['Max-Age=600', 'Path=/oauth/callback', 'HttpOnly', 'Secure', 'SameSite=Lax']),
    );
  });

  it('When OAuth is not configured, then the install explains what to set instead of redirecting', async () => {
    await start({
      hubspot: hubspot({ clientId: undefined, clientSecret: undefined }),
      publicBaseUrl: undefined,
    });
    const res = await get('/oauth/install');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('HUBSPOT_CLIENT_ID');
  });
});

describe('GET /oauth/callback', () => {
  it.each([
    ['no state', () => ''],
    ['a forged state', () => `&state=${createOAuthState('another-secret', NOW)}`],
    ['an expired state', () => `&state=${createOAuthState(SECRET, NOW - STATE_TTL_MS - 1)}`],
  ])('When HubSpot returns with %s, then the answer is 400 and nothing is stored', async (_name, state) => {
    await start();
    const forged = state().replace('&state=', '');
    const res = await callback(`code=code-1${state()}`, `lead_pact_install_state=${forged}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Lead Pact could not be installed');
    expect(await store.installations.list()).toEqual([]);
  });

  it('When the install is approved in the browser that started it, then the portal is connected with encrypted tokens and its properties ensured', async () => {
    await start();
    const { state, cookie } = await startInstall();
    hubspotAcceptsCode('code-1');
    const res = await callback(`code=code-1&state=${state}`, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(
      /^lead_pact_install_state=; Path=\/oauth\/callback; Expires=Thu, 01 Jan 1970/,
    );
    const page = await res.text();
    expect(page).toContain('Lead Pact is connected to portal 62515.');
    expect(page).toContain('Open the settings page');
    const installation = await store.installations.get('62515');
    expect(installation?.status).toBe('connected');
    expect(installation?.scopes).toEqual([...REQUIRED_SCOPES]);
    expect(installation?.tokens).toEqual({
      accessToken: token.access_token,
      refreshToken: token.refresh_token,
      expiresAt: NOW + 1800 * 1000,
    });
    expect(ensured).toEqual([token.access_token]);
    const imports = await store.jobs.list({ type: 'full-import', portalId: '62515', limit: 10 });
    expect(imports.map((j) => j.idempotencyKey)).toEqual(['full-import:62515']);
    const files = readdirSync(dir).map((file) => readFileSync(join(dir, file)).toString('latin1'));
    // The grep can see stored text (the scopes are stored in clear), but never a token.
    expect(files.some((bytes) => bytes.includes('crm.schemas.contacts.write'))).toBe(true);
    expect(files.some((bytes) => bytes.includes(token.access_token))).toBe(false);
    expect(files.some((bytes) => bytes.includes(token.refresh_token))).toBe(false);
  });

  it('When the callback arrives in a browser that did not start the install, then it is refused without asking HubSpot', async () => {
    await start();
    const { state } = await startInstall();
    const res = await callback(`code=code-1&state=${state}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('this browser did not start this install');
    expect(await store.installations.list()).toEqual([]);
  });

  it("When the state belongs to another install than the browser's, then it is refused", async () => {
    await start();
    const mine = await startInstall();
    const theirs = await startInstall();
    const res = await callback(`code=code-1&state=${theirs.state}`, mine.cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('belongs to an install started in another browser or tab');
  });

  it('When a completed callback is replayed with the same cookie, then the replay is refused and HubSpot is asked once', async () => {
    await start();
    const { state, cookie } = await startInstall();
    hubspotAcceptsCode('code-1');
    expect((await callback(`code=code-1&state=${state}`, cookie)).status).toBe(200);
    const replay = await callback(`code=code-1&state=${state}`, cookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('this install link was already used');
  });

  it('When the admin declines the install, then the page says it was declined and how to retry, and nothing is stored', async () => {
    await start();
    const { state, cookie } = await startInstall();
    const description = encodeURIComponent('The user declined to install the app');
    const res = await callback(`error=access_denied&error_description=${description}&state=${state}`, cookie);
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain('The install was declined');
    expect(page).toContain('HubSpot said: The user declined to install the app.');
    expect(page).toContain('<a href="/oauth/install">Start the install again</a>');
    expect(await store.installations.list()).toEqual([]);
  });

  it('When HubSpot refuses the code (invalid_grant), then the page says so and nothing is stored', async () => {
    await start();
    const { state, cookie } = await startInstall();
    nock(API).post('/oauth/2026-03/token').reply(400, fixture('oauth-2026-03-400-invalid-grant-code'));
    const res = await callback(`code=stale&state=${state}`, cookie);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('invalid_grant: missing or unknown auth code');
    expect(page).toContain('Nothing was stored');
    expect(await store.installations.list()).toEqual([]);
  });

  it('When HubSpot refuses our client credentials, then the page names the settings to check', async () => {
    await start();
    const { state, cookie } = await startInstall();
    nock(API).post('/oauth/2026-03/token').reply(400, fixture('oauth-2026-03-400-invalid-client'));
    const res = await callback(`code=code-1&state=${state}`, cookie);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET');
  });
});

describe('GET /', () => {
  it('When no portal is connected, then the page lists the steps to connect one', async () => {
    await start();
    const page = await (await get('/')).text();
    expect(page).toContain('No HubSpot portal is connected to Lead Pact yet.');
    expect(page).toContain(`${PUBLIC}/oauth/callback`);
    expect(page).toContain('href="/oauth/install"');
  });

  it('When portals are connected, then the public page counts them and shows no Hub ID', async () => {
    await start();
    await store.installations.connect('62515', null, [], NOW);
    expect(await (await get('/')).text()).toContain('connected to HubSpot (1 portal)');
    await store.installations.connect('77001', null, [], NOW);
    const page = await (await get('/')).text();
    expect(page).toContain('connected to HubSpot (2 portals)');
    expect(page).not.toMatch(/62515|77001/);
  });
});
