import nock from 'nock';
import { installGatewayOf, portalGatewaysOf } from '../../src/composition/service-context';
import { loadConfig } from '../../src/config';
import type { Logger } from '../../src/logger';
import { createStore, type Store } from '../../src/store/create-store';
import { fixture } from '../hubspot/fixture';
import { useNock } from '../hubspot/use-nock';
import { tempSqlite, type TestDatabase } from '../store/test-databases';

const API = 'https://api.hubapi.com';
const PORTAL = '4242';
const quiet = { warn: () => undefined, info: () => undefined } as unknown as Logger;

useNock();

describe("the service's HubSpot gateway per portal", () => {
  let store: Store;
  let db: TestDatabase;
  const context = () => ({
    config: loadConfig({
      HUBSPOT_ACCESS_TOKEN: 'token-abc',
      HUBSPOT_PORTAL_ID: PORTAL,
      HUBSPOT_API_BASE_URL: API,
      HUBSPOT_REQUESTS_PER_10S: '10',
      DATA_DIR: db.options.dataDir,
    }),
    store,
    logger: quiet,
  });
  const gatewayFor = () => portalGatewaysOf(context())(PORTAL);
  beforeEach(async () => {
    db = tempSqlite();
    store = await createStore(db.options);
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  it('When it lists contacts, then the request takes a slot of the budget the writer uses', async () => {
    nock(API).get('/crm/v3/objects/contacts').query(true).reply(200, fixture('contacts-list-page-1'));
    await gatewayFor().listContacts(undefined, ['email']);
    expect((await store.rateBudget.status(PORTAL, Date.now())).inWindow).toBe(1);
  });

  it('When the writer sends a batch update through it, then no second slot is taken (the writer already did)', async () => {
    nock(API).post('/crm/v3/objects/contacts/batch/update').reply(200, fixture('contacts-batch-update'));
    await gatewayFor().updateContacts([{ id: '51', properties: { lead_pact_tier: 'sales_ready' } }]);
    expect((await store.rateBudget.status(PORTAL, Date.now())).inWindow).toBe(0);
  });

  it("When the portal is paused by HubSpot's daily limit, then a read is refused without reaching HubSpot", async () => {
    await store.rateBudget.pauseUntil(PORTAL, Date.now() + 86_400_000, Date.now());
    await expect(gatewayFor().getAccountDetails()).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('the request was not sent') as unknown,
    });
  });

  it("When a portal is installed, then the install's account-details read takes a slot of that portal's budget", async () => {
    nock(API).get('/account-info/v3/details').reply(200, fixture('account-info-details'));
    await installGatewayOf(context())('fresh-token', PORTAL).getAccountDetails();
    expect((await store.rateBudget.status(PORTAL, Date.now())).inWindow).toBe(1);
  });
});
