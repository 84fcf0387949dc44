import nock from 'nock';
import { createStore, type Store } from '../../../src/store/create-store';
import { accessTokenForPortal } from '../../../src/use-cases/install/access-token-for-portal';
import { fixture } from '../../hubspot/fixture';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

const API = 'https://api.hubapi.test';
const client = { apiBaseUrl: API, clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const oauth = hubspotOAuth(client);
const T0 = Date.UTC(2026, 10, 27, 12);
const refreshed = fixture<{ access_token: string }>('oauth-2026-03-token');

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

// SQLite's driver is synchronous: two stores in ONE process would block each other's event loop, so the
// cross-connection case runs on PostgreSQL; the one-store SQLite case is in access-token-for-portal.test.ts.
describe.each(ENGINE_FACTORIES.filter(([engine]) => engine === 'postgres'))(
  'token refresh across workers on %s',
  (_engine, make) => {
    let database: TestDatabase;
    let workers: Store[];
    beforeEach(async () => {
      database = await make();
      workers = [await createStore(database.options), await createStore(database.options)];
      const tokens = { accessToken: 'old-access', refreshToken: 'refresh-1', expiresAt: T0 + 60_000 };
      await workers[0]?.installations.connect('62515', tokens, ['oauth'], T0);
    });
    afterEach(async () => {
      const pending = nock.pendingMocks();
      nock.cleanAll();
      for (const store of workers) await store.close();
      await database.drop();
      expect(pending).toEqual([]);
    });

    it('When two workers (own connections) refresh the same portal at once, then HubSpot gets one token request', async () => {
      nock(API).post('/oauth/2026-03/token').delay(100).reply(200, fixture('oauth-2026-03-token'));
      const tokens = await Promise.all(
        workers.flatMap((store) => [1, 2].map(() => accessTokenForPortal(store, '62515', T0, oauth))),
      );
      expect(tokens).toEqual(Array(4).fill(refreshed.access_token));
    });
  },
);
