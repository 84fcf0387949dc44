import express from 'express';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oauthRouter } from '../../../src/http/routes/oauth-router';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../../src/hubspot/oauth';
import { createStandin } from '../../../src/standin/create-standin';
import { createStore, type Store } from '../../../src/store/create-store';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

const PUBLIC = 'https://leadpact.example.com';
const CLIENT = { clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const seed = { contacts: [{ id: '1', properties: { email: 'a@one.example' } }], companies: [] };

let dir: string;
let store: Store;
let standinUrl: string;
let base: string;
const closers: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-install-'));
  store = await createStore({ dataDir: dir, tokenEncryptionKey: 'ef'.repeat(32) });
  const standin = await createStandin({ seed, portalId: 777, oauthClient: CLIENT }).listen(0);
  standinUrl = standin.url;
  closers.push(standin.close);
  const hubspot = { ...CLIENT, accessToken: undefined, portalId: undefined, requestsPer10s: 100 };
  const app = express().use(
    oauthRouter({
      config: { hubspot: { ...hubspot, apiBaseUrl: standinUrl }, publicBaseUrl: PUBLIC },
      store,
      logger: { info: () => {}, warn: () => {} },
      gatewayFor: (accessToken) => createApiClientGateway({ accessToken, basePath: standinUrl }),
      authorizeBaseUrl: standinUrl,
      oauthFor: hubspotOAuth,
    }),
  );
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closers.push(() => new Promise((resolve) => server.close(resolve)));
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const location = (res: Response) => new URL(res.headers.get('location') ?? '');

/** A browser: starts the install, passes HubSpot's (the stand-in's) consent screen, comes back to the service. */
async function browserInstall(consent: Record<string, string> = {}) {
  const started = await fetch(`${base}/oauth/install`, { redirect: 'manual' });
  const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const authorize = location(started);
  expect(authorize.origin).toBe(standinUrl);
  for (const [name, value] of Object.entries(consent)) authorize.searchParams.set(name, value);
  const back = location(await fetch(authorize, { redirect: 'manual' }));
  expect(back.origin + back.pathname).toBe(`${PUBLIC}/oauth/callback`);
  const callbackUrl = `${base}/oauth/callback${back.search}`;
  const res = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie } });
  return { res, replay: () => fetch(callbackUrl, { redirect: 'manual', headers: { cookie } }) };
}

describe('an OAuth install against the HubSpot stand-in', () => {
  it('When an admin approves, then the portal from the token response is connected and its token works on the CRM', async () => {
    const { res } = await browserInstall();
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Lead Pact is connected to portal 777.');
    const installation = await store.installations.get('777');
    // The stand-in plays an account with Leads (Sales Hub Professional), so the optional scopes are granted too.
    expect(installation).toMatchObject({
      status: 'connected',
      scopes: [...REQUIRED_SCOPES, ...OPTIONAL_SCOPES],
    });
    const crm = await fetch(`${standinUrl}/crm/v3/objects/contacts`, {
      headers: { authorization: `Bearer ${installation?.tokens?.accessToken}` },
    });
    expect(crm.status).toBe(200);
    const groups = await fetch(`${standinUrl}/crm/v3/properties/contacts/groups/lead_pact`, {
      headers: { authorization: `Bearer ${installation?.tokens?.accessToken}` },
    });
    expect(groups.status).toBe(200);
  });

  it('When the callback is replayed from the same browser, then it is refused and the first install stands', async () => {
    const { res, replay } = await browserInstall();
    expect(res.status).toBe(200);
    const again = await replay();
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('this install link was already used');
    expect((await store.installations.get('777'))?.status).toBe('connected');
  });

  it('When the admin declines on the consent screen, then the declined page shows and nothing is stored', async () => {
    const { res } = await browserInstall({ standin_consent: 'deny' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('The install was declined');
    expect(await store.installations.list()).toEqual([]);
  });
});
