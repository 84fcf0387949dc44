import nock from 'nock';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { disconnectedPortals } from '../../src/http/disconnected-portals';
import { registerSyncContacts } from '../../src/jobs/handlers/sync-contacts-handler';
import { createJobRegistry } from '../../src/jobs/job-registry';
import { runLeasedJob } from '../../src/jobs/run-leased-job';
import type { Store } from '../../src/store/create-store';
import type { Job } from '../../src/use-cases/ports/jobs';
import { completeInstall } from '../../src/use-cases/install/complete-install';
import {
  disconnectRefusedPortal,
  REFUSED_TOKEN_REASON,
} from '../../src/use-cases/install/disconnect-refused-portal';
import { domainEngine } from '../../src/use-cases/rescore/domain-engine';
import { fixture } from '../hubspot/fixture';
import { serveBatchReads } from '../hubspot/serve-batch-reads';
import { useNock } from '../hubspot/use-nock';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../store/test-databases';
import { applyExampleAgreement } from '../use-cases/apply-example-agreement';
import { hubspotOAuth } from '../../src/composition/hubspot-oauth';

const API = 'https://api.hubapi.com';
const PORTAL = '62515'; // the hub_id of oauth-2026-03-token.json
const client = { apiBaseUrl: API, clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const oauth = hubspotOAuth(client);

const registry = (store: Store) =>
  registerSyncContacts(createJobRegistry(), {
    store,
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: API }),
    engine: domainEngine,
  });

/** Leases the next sync job and runs it the way the worker does. */
async function runNext(store: Store) {
  const job = await store.jobs.lease('w1', Date.now(), 30_000, ['sync-contacts']);
  if (!job) return undefined;
  return runLeasedJob(job, {
    workerId: 'w1',
    leaseMs: 30_000,
    now: Date.now,
    retryAt: (_job: Job, now: number) => now + 1_000,
    controller: new AbortController(),
    leases: store.jobs,
    registry: registry(store),
    onRefused: disconnectRefusedPortal(store.installations, oauth.expiredToken),
  });
}

useNock();

describe.each(ENGINE_FACTORIES)('a portal whose token HubSpot refuses, on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;

  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    const then = Date.now() - 60_000;
    const tokens = { accessToken: 'token-abc', refreshToken: 'refresh-1', expiresAt: then + 3_600_000 };
    await store.installations.connect(PORTAL, tokens, ['oauth'], then);
    await applyExampleAgreement(store, PORTAL, then);
    await store.jobs.enqueue(
      { type: 'sync-contacts', portalId: PORTAL, payload: { portalId: PORTAL, contactIds: ['51'] } },
      then,
    );
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('When HubSpot answers 401, then the portal is disconnected, its job waits unattempted, and a reinstall runs it', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(401, fixture('error-401-invalid-authentication'));
    const first = await runNext(store);
    expect(first).toMatchObject({ outcome: 'parked' });
    expect(await store.installations.get(PORTAL)).toMatchObject({
      status: 'disconnected',
      statusReason: REFUSED_TOKEN_REASON,
    });
    const [waiting] = await store.jobs.list({ type: 'sync-contacts', portalId: PORTAL });
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0 });
    expect(waiting?.lastError).toMatch(/Authentication credentials not found/);
    expect(await runNext(store)).toBeUndefined();
    const [problem] = await disconnectedPortals(store.installations);
    expect(problem?.message).toMatch(
      /Portal 62515 is disconnected \(HubSpot refused the access token.*reinstall/,
    );

    nock(API).post('/oauth/2026-03/token').reply(200, fixture('oauth-2026-03-token'));
    const unchanged = { groupCreated: false, created: [], optionsAdded: [], unchanged: [] };
    await completeInstall(
      {
        oauth,
        redirectUri: 'https://lead-pact.example.com/oauth/callback',
        installations: store.installations,
        gatewayFor: () => ({ ensureProperties: async () => unchanged }),
        jobs: store.jobs,
      },
      'code-1',
      Date.now(),
    );
    expect(await store.installations.get(PORTAL)).toMatchObject({ status: 'connected', statusReason: null });
    serveBatchReads(API, {
      contacts: 'contacts-batch-read',
      associations: 'associations-contacts-companies-batch-read',
      companies: 'companies-batch-read',
    });
    expect(await runNext(store)).toMatchObject({ outcome: 'succeeded' });
    expect(await store.qualifications.get(PORTAL, '51')).toBeDefined();
  });

  it('When the 401 says the token expired, then the portal stays connected and the job retries as usual', async () => {
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(401, fixture('error-401-expired'));
    expect(await runNext(store)).toMatchObject({ outcome: 'retry' });
    expect((await store.installations.get(PORTAL))?.status).toBe('connected');
  });
});
