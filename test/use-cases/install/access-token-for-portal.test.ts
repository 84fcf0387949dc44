import nock from 'nock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../../../src/domain/app-error';
import { createStore, type Store } from '../../../src/store/create-store';
import {
  accessTokenForPortal,
  REFRESH_MARGIN_MS,
} from '../../../src/use-cases/install/access-token-for-portal';
import { refreshingInstallations } from '../../../src/use-cases/install/refreshing-installations';
import { fixture } from '../../hubspot/fixture';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

const API = 'https://api.hubapi.test';
const client = { apiBaseUrl: API, clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const oauth = hubspotOAuth(client);
const KEY = 'ab'.repeat(32);
const PORTAL = '62515';
const T0 = Date.UTC(2026, 10, 27, 12);
const refreshed = fixture<{ access_token: string; expires_in: number }>('oauth-2026-03-token');

let dir: string;
let store: Store;

beforeAll(() => {
  nock.disableNetConnect();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-token-'));
  store = await createStore({ dataDir: dir, tokenEncryptionKey: KEY });
  const tokens = { accessToken: 'old-access', refreshToken: 'refresh-1', expiresAt: T0 + 30 * 60_000 };
  await store.installations.connect(PORTAL, tokens, ['oauth'], T0);
});
afterEach(async () => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

const tokenRequest = () =>
  nock(API).post('/oauth/2026-03/token', (body: Record<string, string>) => {
    return body.grant_type === 'refresh_token' && body.refresh_token === 'refresh-1';
  });

describe('accessTokenForPortal', () => {
  it('When the token has more than five minutes left, then it is used as stored without asking HubSpot', async () => {
    const now = T0 + 30 * 60_000 - REFRESH_MARGIN_MS - 1000;
    expect(await accessTokenForPortal(store, PORTAL, now, oauth)).toBe('old-access');
  });

  it('When less than five minutes are left, then it is refreshed before expiry and the new token is stored', async () => {
    tokenRequest().reply(200, fixture('oauth-2026-03-token'));
    const now = T0 + 26 * 60_000;
    expect(await accessTokenForPortal(store, PORTAL, now, oauth)).toBe(refreshed.access_token);
    const stored = await store.installations.get(PORTAL);
    expect(stored?.tokens).toEqual({
      accessToken: refreshed.access_token,
      refreshToken: '6f18f21e-a743-4509-b7fd-1a5e632fffa1',
      expiresAt: now + refreshed.expires_in * 1000,
    });
  });

  it('When several callers need a refresh at once, then HubSpot gets one token request and all get the new token', async () => {
    tokenRequest().delay(50).reply(200, fixture('oauth-2026-03-token'));
    const now = T0 + 29 * 60_000;
    const tokens = await Promise.all(
      Array.from({ length: 5 }, () => accessTokenForPortal(store, PORTAL, now, oauth)),
    );
    expect(tokens).toEqual(Array(5).fill(refreshed.access_token));
  });

  it('When HubSpot refuses the refresh token, then the portal is disconnected with the reason', async () => {
    tokenRequest().reply(400, fixture('oauth-2026-03-400-invalid-grant-refresh-token'));
    const now = T0 + 31 * 60_000;
    const failure = await accessTokenForPortal(store, PORTAL, now, oauth).catch((e: unknown) => e);
    expect(isAppError(failure, 'unauthorized')).toBe(true);
    const stored = await store.installations.get(PORTAL);
    expect(stored?.status).toBe('disconnected');
    expect(stored?.statusReason).toMatch(/refused the refresh token/);
    const again = await accessTokenForPortal(store, PORTAL, now, oauth).catch((e: unknown) => e);
    expect(String((again as Error).message)).toMatch(/Portal 62515 is disconnected: HubSpot refused/);
  });

  it('When the refresh is refused the RFC 6749 way (400 invalid_grant), then the portal is disconnected too', async () => {
    tokenRequest().reply(400, { error: 'invalid_grant', error_description: 'refresh token revoked' });
    const failure = await accessTokenForPortal(store, PORTAL, T0 + 31 * 60_000, oauth).catch(
      (e: unknown) => e,
    );
    expect(isAppError(failure, 'unauthorized')).toBe(true);
    expect((await store.installations.get(PORTAL))?.status).toBe('disconnected');
  });

  it('When HubSpot refuses our client credentials (invalid_client), then the portal stays connected and the error says what to fix', async () => {
    tokenRequest().reply(400, fixture('oauth-2026-03-400-invalid-client'));
    const failure = await accessTokenForPortal(store, PORTAL, T0 + 31 * 60_000, oauth).catch(
      (e: unknown) => e,
    );
    expect(isAppError(failure, 'unauthorized')).toBe(false);
    expect(String((failure as Error).message)).toMatch(/HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET/);
    expect(await store.installations.get(PORTAL)).toMatchObject({ status: 'connected', statusReason: null });
  });

  it('When HubSpot cannot be reached, then the portal stays connected with its old tokens', async () => {
    tokenRequest().reply(503, { status: 'error', message: 'unavailable' });
    const failure = await accessTokenForPortal(store, PORTAL, T0 + 29 * 60_000, oauth).catch((e) => e);
    expect(isAppError(failure, 'unauthorized')).toBe(false);
    const stored = await store.installations.get(PORTAL);
    expect(stored?.status).toBe('connected');
    expect(stored?.tokens?.accessToken).toBe('old-access');
  });
});

describe('refreshingInstallations', () => {
  it('When a gateway reads a portal whose token is about to expire, then it gets the refreshed token', async () => {
    tokenRequest().reply(200, fixture('oauth-2026-03-token'));
    const installations = refreshingInstallations(store, oauth, () => T0 + 28 * 60_000);
    expect((await installations.get(PORTAL))?.tokens?.accessToken).toBe(refreshed.access_token);
  });
});
