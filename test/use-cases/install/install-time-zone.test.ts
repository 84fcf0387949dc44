import nock from 'nock';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import type { Store } from '../../../src/store/create-store';
import { completeInstall } from '../../../src/use-cases/install/complete-install';
import { portalTimeZone } from '../../../src/use-cases/install/portal-time-zone';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

const API = 'https://api.hubapi.com';
const NOW = Date.UTC(2026, 10, 27, 9);
const client = { apiBaseUrl: API, clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const oauth = hubspotOAuth(client);
const unchanged = { groupCreated: false, created: [], optionsAdded: [], unchanged: [] };
const { access_token: accessToken } = fixture<{ access_token: string }>('oauth-2026-03-token');

useNock();

describe.each(ENGINE_FACTORIES)("the account's time zone at install, on %s", (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    nock(API).post('/oauth/2026-03/token').reply(200, fixture('oauth-2026-03-token'));
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });
  const install = () =>
    completeInstall(
      {
        oauth,
        redirectUri: 'https://lead-pact.example.com/oauth/callback',
        installations: store.installations,
        jobs: store.jobs,
        gatewayFor: (token) => ({
          ...createApiClientGateway({ accessToken: token, basePath: API }),
          ensureProperties: async () => unchanged,
        }),
      },
      'code-1',
      NOW,
    );

  it('When a portal installs, then its account time zone is read with the new token and kept for daily-limit pauses', async () => {
    nock(API, { reqheaders: { authorization: `Bearer ${accessToken}` } })
      .get('/account-info/v3/details')
      .reply(200, fixture('account-info-details'));
    const outcome = await install();
    expect(outcome.timeZone).toEqual({ ok: true, zone: 'Asia/Tokyo' });
    expect((await store.installations.get('62515'))?.timeZone).toBe('Asia/Tokyo');
    expect(await portalTimeZone(store)('62515')).toBe('Asia/Tokyo');
  });

  it('When HubSpot does not answer the account details, then the install still completes without a zone', async () => {
    nock(API).get('/account-info/v3/details').reply(502, fixture('error-502'));
    const outcome = await install();
    expect(outcome.timeZone).toEqual({ ok: false, message: expect.stringMatching(/account details/) });
    expect(await store.installations.get('62515')).toMatchObject({ status: 'connected', timeZone: null });
  });
});
