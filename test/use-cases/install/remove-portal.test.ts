import nock from 'nock';
import { revokeRefreshToken } from '../../../src/hubspot/revoke-refresh-token';
import type { Store } from '../../../src/store/create-store';
import { accessTokenForPortal } from '../../../src/use-cases/install/access-token-for-portal';
import { removePortal, REMOVED_REASON } from '../../../src/use-cases/install/remove-portal';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

const API = 'https://api.hubapi.com';
const client = { apiBaseUrl: API, clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const oauth = hubspotOAuth(client);
const T0 = Date.UTC(2026, 11, 1, 9);
const REVOKE = '/oauth/2026-03/token/revoke';

useNock();

describe.each(ENGINE_FACTORIES)('removing a portal, on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    const tokens = { accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: T0 + 1_800_000 };
    await store.installations.connect('62515', tokens, ['oauth'], T0);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });
  const remove = (portalId = '62515') =>
    removePortal(
      {
        installations: store.installations,
        revokeRefreshToken: (token) => revokeRefreshToken(client, token),
      },
      portalId,
      T0 + 60_000,
    );

  it('When a portal is removed, then its refresh token is revoked at HubSpot, then its tokens are erased and it is disconnected', async () => {
    let form: Record<string, string> | undefined;
    nock(API)
      .post(REVOKE, (body: Record<string, string>) => ((form = body), true))
      .reply(204);
    await expect(remove()).resolves.toEqual({ portalId: '62515', refreshToken: 'revoked' });
    expect(form).toMatchObject({ token: 'refresh-1', token_type_hint: 'refresh_token' });
    expect(await store.installations.get('62515')).toMatchObject({
      status: 'disconnected',
      statusReason: REMOVED_REASON,
      tokens: null,
    });
    const after = await accessTokenForPortal(store, '62515', T0 + 120_000, oauth).catch((e: unknown) => e);
    expect(String((after as Error).message)).toMatch(/Portal 62515 is disconnected: removed from Lead Pact/);
  });

  it('When HubSpot no longer knows the refresh token, then the removal still completes', async () => {
    nock(API).post(REVOKE).reply(400, fixture('oauth-2026-03-400-invalid-grant-refresh-token'));
    await expect(remove()).resolves.toMatchObject({ refreshToken: 'already_invalid' });
    expect((await store.installations.get('62515'))?.tokens).toBeNull();
  });

  it('When HubSpot cannot revoke the token right now, then the removal fails and the tokens stay for a retry', async () => {
    nock(API).post(REVOKE).reply(502, fixture('error-502'));
    await expect(remove()).rejects.toMatchObject({ code: 'upstream_failed' });
    expect(await store.installations.get('62515')).toMatchObject({
      status: 'connected',
      tokens: { refreshToken: 'refresh-1' },
    });
  });

  it('When the portal never installed, then the removal says so and asks HubSpot nothing', async () => {
    await expect(remove('999')).rejects.toMatchObject({ code: 'not_found' });
  });
});
