import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { registerCompleteWorkflowAction } from '../../../src/jobs/handlers/complete-workflow-action-handler';
import { storeCardPorts } from '../../../src/composition/store-card-ports';
import { createApp } from '../../../src/http/create-app';
import { createReadiness } from '../../../src/http/readiness';
import { WORKFLOW_ACTION_PATH, workflowActionRouter } from '../../../src/http/routes/workflow-action-router';
import { startWebServer, stopWebServer, type WebServer } from '../../../src/http/web-server';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { computeSignatureV2 } from '../../../src/hubspot/verify-signature';
import type { HubSpotGateway } from '../../../src/hubspot/hubspot-gateway';
import { createJobRegistry } from '../../../src/jobs/job-registry';
import { runLeasedJob } from '../../../src/jobs/run-leased-job';
import { createLogger } from '../../../src/logger';
import { metricsRegistry } from '../../../src/metrics';
import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import { createStore, type Store } from '../../../src/store/create-store';
import type { Job } from '../../../src/use-cases/ports/jobs';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import type { WorkflowActionPorts } from '../../../src/use-cases/workflow-action/qualify-enrolled-contact';
import { COMPLETE_WORKFLOW_ACTION_JOB } from '../../../src/use-cases/workflow-action/workflow-action-jobs';
import { fixture } from '../../hubspot/fixture';
import { serveBatchReads } from '../../hubspot/serve-batch-reads';
import { useNock } from '../../hubspot/use-nock';
import { applyExampleAgreement } from '../../use-cases/apply-example-agreement';
import { CLIENT_SECRET, DAY, NOW, PORTAL_A, PORTAL_B, PUBLIC_BASE_URL, testAppConfig } from './api-harness';
import { CUSTOMER, DIRECTOR } from './api-seed';

const API = 'https://api.hubapi.com';
const PORTAL = String(PORTAL_A);
/** HubSpot's ids of one execution, as its custom action reference shows them. */
const CALLBACK = 'ap-1001-56777914962-11-0';

/** The body HubSpot posts when a contact-based workflow reaches the action. */
function execution(contactId: string, overrides: { portalId?: number; callbackId?: string } = {}) {
  return {
    callbackId: overrides.callbackId ?? CALLBACK,
    origin: {
      portalId: overrides.portalId ?? PORTAL_A,
      actionDefinitionId: 10860211,
      actionDefinitionVersion: 1,
      extensionDefinitionId: 10860211,
      extensionDefinitionVersionId: 1,
    },
    context: { source: 'WORKFLOWS', workflowId: 192814114 },
    object: { objectId: Number(contactId), objectType: 'CONTACT' },
    inputFields: {},
  };
}

interface Harness {
  store: Store;
  ports: WorkflowActionPorts;
  /** One execution request as HubSpot signs it; each call sends the very same bytes (HubSpot's retry). */
  signed(body: unknown, secret?: string): () => Promise<Response>;
  /** The same request signed only with v2, as HubSpot's custom action guide says it signs action requests. */
  signedV2(body: unknown, secret?: string): () => Promise<Response>;
  /** The execution posted with exactly these headers. */
  post(body: unknown, headers: Record<string, string>): Promise<Response>;
  unsigned(body: unknown): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The app with the workflow action's route on a fresh SQLite store, at the API tests' fixed "now"; HubSpot is nock
 * at api.hubapi.com unless `gateway` stands in for the portal's gateway.
 */
async function start(
  options: { gateway?: HubSpotGateway; deadlineMs?: number; clock?: { now: () => number } } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lead-pact-workflow-action-'));
  const store = await createStore({ dataDir });
  const logger = createLogger({ level: 'silent' });
  const config = testAppConfig(API);
  const clock = options.clock ?? { now: () => NOW };
  const gateway = options.gateway ?? createApiClientGateway({ accessToken: 'token-abc', basePath: API });
  const ports: WorkflowActionPorts = {
    card: storeCardPorts(store, config, clock),
    sync: { store, gatewayFor: () => gateway, engine: domainEngine, now: clock.now },
    jobs: store.jobs,
    callbacks: () => gateway,
  };
  const router = workflowActionRouter({ config, ports, deadlineMs: options.deadlineMs ?? 5_000 });
  const readiness = createReadiness({ store, logger });
  const web: WebServer = await startWebServer(
    createApp({ logger, readiness, metrics: metricsRegistry, routers: [router] }),
    0,
    '127.0.0.1',
  );
  const signed = (body: unknown, secret = CLIENT_SECRET) => {
    const text = JSON.stringify(body);
    const url = PUBLIC_BASE_URL + WORKFLOW_ACTION_PATH;
    const headers = signHubSpotRequest({ clientSecret: secret, method: 'POST', url, body: text });
    return () => fetch(web.url + WORKFLOW_ACTION_PATH, { method: 'POST', headers, body: text });
  };
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(web.url + WORKFLOW_ACTION_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const signedV2 = (body: unknown, secret = CLIENT_SECRET) => {
    const url = PUBLIC_BASE_URL + WORKFLOW_ACTION_PATH;
    const signature = computeSignatureV2(secret, 'POST', url, JSON.stringify(body));
    return () => post(body, { 'x-hubspot-signature-version': 'v2', 'x-hubspot-signature': signature });
  };
  return {
    store,
    ports,
    signed,
    signedV2,
    post,
    unsigned: (body) =>
      fetch(web.url + WORKFLOW_ACTION_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    async close() {
      await stopWebServer(web);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Leases the due completion job and runs it the way the worker does. */
async function runCompletionJob(h: Harness, now = NOW) {
  const job = await h.store.jobs.lease('w1', now, 30_000, [COMPLETE_WORKFLOW_ACTION_JOB]);
  if (!job) return undefined;
  return runLeasedJob(job, {
    workerId: 'w1',
    leaseMs: 30_000,
    now: () => now,
    retryAt: (_job: Job, at: number) => at + 1_000,
    controller: new AbortController(),
    leases: h.store.jobs,
    registry: registerCompleteWorkflowAction(createJobRegistry(), h.ports),
  });
}

/** The portal installed, the example agreement approved, the director and the customer stored. */
async function ready(h: Harness): Promise<void> {
  await h.store.installations.connect(PORTAL, null, [], NOW);
  await applyExampleAgreement(h.store, PORTAL, NOW);
  await h.store.contacts.upsertMany(PORTAL, [DIRECTOR, CUSTOMER], NOW);
}

const outputs = async (res: Response) => {
  expect(res.status).toBe(200);
  return ((await res.json()) as { outputFields: Record<string, string> }).outputFields;
};

/** The verdict Lead Pact stored for the contact, as the workflow's output fields name it. */
async function storedVerdict(store: Store, contactId: string) {
  const q = await store.qualifications.get(PORTAL, contactId);
  if (!q) return undefined;
  return { tier: q.tier, grade: q.grade, score: String(q.score), stage: q.stage, route: q.route };
}

/** The contact's stored verdict is the one the workflow was answered: its tier, grade, score, stage and route. */
async function expectStoredAsAnswered(store: Store, contactId: string, fields: Record<string, string>) {
  expect(await storedVerdict(store, contactId)).toEqual({
    tier: fields.tier,
    grade: fields.grade,
    score: fields.score,
    stage: fields.stage,
    route: fields.route,
  });
}

useNock();

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('POST /workflow-actions/qualify: a stored contact', () => {
  beforeEach(async () => {
    h = await start();
    await ready(h);
  });

  it('When a workflow enrolls a sales-ready director, then the answer carries its tier, grade, score, stage and route at once', async () => {
    const fields = await outputs(await h.signed(execution(DIRECTOR.id))());
    expect(fields).toEqual({
      tier: 'sales_ready',
      grade: 'A2',
      score: expect.stringMatching(/^\d{1,3}$/),
      stage: 'decision',
      route: 'field_sales',
      hs_execution_state: 'SUCCESS',
    });
    // The very verdict the card shows and the write-back sends: scored once, stored, queued for HubSpot.
    await expectStoredAsAnswered(h.store, DIRECTOR.id, fields);
    expect((await h.store.outbox.get(PORTAL, DIRECTOR.id))?.properties).toMatchObject({
      lead_pact_tier: 'sales_ready',
      lead_pact_score: fields.score,
    });
  });

  it('When HubSpot retries the very same execution, then it gets the same fields and the contact is scored once', async () => {
    const send = h.signed(execution(DIRECTOR.id));
    const first = await outputs(await send());
    const again = await outputs(await send());
    expect(again).toEqual(first);
    const history = await h.store.qualifications.history(PORTAL, DIRECTOR.id);
    expect(history).toHaveLength(1);
  });

  it('When a workflow enrolls an existing customer, then the workflow can branch on "disqualified"', async () => {
    const fields = await outputs(await h.signed(execution(CUSTOMER.id))());
    expect(fields).toMatchObject({ tier: 'disqualified', route: 'marketing', hs_execution_state: 'SUCCESS' });
  });

  it('When the request is unsigned, then 401 and nothing is scored', async () => {
    const res = await h.unsigned(execution(DIRECTOR.id));
    expect(res.status).toBe(401);
    expect(await h.store.qualifications.get(PORTAL, DIRECTOR.id)).toBeUndefined();
    expect(await h.store.jobs.list({ type: COMPLETE_WORKFLOW_ACTION_JOB })).toEqual([]);
  });

  it('When the request is signed with another secret, then 401 and nothing is scored', async () => {
    const res = await h.signed(execution(DIRECTOR.id), 'not-our-client-secret')();
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await h.store.qualifications.get(PORTAL, DIRECTOR.id)).toBeUndefined();
  });

  it('When the execution names a portal that never installed Lead Pact, then 403 and nothing is scored there', async () => {
    await h.store.contacts.upsertMany(String(PORTAL_B), [DIRECTOR], NOW);
    const res = await h.signed(execution(DIRECTOR.id, { portalId: PORTAL_B }))();
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await h.store.qualifications.get(String(PORTAL_B), DIRECTOR.id)).toBeUndefined();
  });

  it('When the action is run on a deal, then 400 names the object type', async () => {
    const body = { ...execution(DIRECTOR.id), object: { objectId: 5, objectType: 'DEAL' } };
    const res = await h.signed(body)();
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_input', details: [{ path: 'object.objectType' }] },
    });
  });
});

describe('POST /workflow-actions/qualify: the v2 signature of custom action requests', () => {
  const url = PUBLIC_BASE_URL + WORKFLOW_ACTION_PATH;
  const v2Of = (body: unknown, secret = CLIENT_SECRET) =>
    computeSignatureV2(secret, 'POST', url, JSON.stringify(body));

  /** What must be left untouched by a refused request: no verdict, no history, no job. */
  async function nothingScored() {
    expect(await h.store.qualifications.get(PORTAL, DIRECTOR.id)).toBeUndefined();
    expect(await h.store.qualifications.history(PORTAL, DIRECTOR.id)).toEqual([]);
    expect(await h.store.jobs.list({ type: COMPLETE_WORKFLOW_ACTION_JOB })).toEqual([]);
  }

  beforeEach(async () => {
    h = await start();
    await ready(h);
  });

  it('When HubSpot signs the execution with v2 only, then the workflow gets the same verdict as with v3', async () => {
    const fields = await outputs(await h.signedV2(execution(DIRECTOR.id))());
    expect(fields).toMatchObject({
      tier: 'sales_ready',
      route: 'field_sales',
      hs_execution_state: 'SUCCESS',
    });
    await expectStoredAsAnswered(h.store, DIRECTOR.id, fields);
  });

  it('When a v2-signed execution is replayed (v2 has no timestamp), then it answers the same fields and scores and writes once', async () => {
    const send = h.signedV2(execution(DIRECTOR.id));
    const first = await outputs(await send());
    const outboxBefore = await h.store.outbox.get(PORTAL, DIRECTOR.id);
    const writeBacks = await h.store.jobs.list({ type: 'write-back' });
    // The director became a customer since: scoring the replay again would disqualify them and write that.
    const customer = { ...DIRECTOR, properties: { ...DIRECTOR.properties, lifecyclestage: 'customer' } };
    await h.store.contacts.upsertMany(PORTAL, [customer], NOW);
    for (let i = 0; i < 3; i++) expect(await outputs(await send())).toEqual(first);
    expect(await h.store.qualifications.history(PORTAL, DIRECTOR.id)).toHaveLength(1);
    // The outbox row was not merged again (its revision grows with every write) and no write-back was added.
    expect(await h.store.outbox.get(PORTAL, DIRECTOR.id)).toEqual(outboxBefore);
    expect(await h.store.jobs.list({ type: 'write-back' })).toEqual(writeBacks);
    // A new execution (another callback id) does see the change.
    const next = h.signedV2(execution(DIRECTOR.id, { callbackId: 'ap-1001-56777914962-12-0' }));
    expect(await outputs(await next())).toMatchObject({ tier: 'disqualified' });
  });

  it('When a v2-signed execution is replayed after its receipt is gone, then it only re-scores the contact as of now', async () => {
    // A receipt is kept a day (RECEIPT_TTL_MS): past it, the replay is the card's "score now" on the current data.
    let now = NOW;
    await h.close();
    h = await start({ clock: { now: () => now } });
    await ready(h);
    const send = h.signedV2(execution(DIRECTOR.id));
    const first = await outputs(await send());
    now = NOW + 2 * DAY;
    const replay = await outputs(await send());
    // The same verdict (the score may have aged, as the nightly rescore would age it), no new history row.
    const { score: _first, ...verdict } = first;
    expect(replay).toMatchObject(verdict);
    expect(await storedVerdict(h.store, DIRECTOR.id)).toMatchObject({ score: replay.score });
    expect(await h.store.qualifications.history(PORTAL, DIRECTOR.id)).toHaveLength(1);
  });

  it('When the v2 signature was made with another secret, then 401 and nothing is scored', async () => {
    const res = await h.signedV2(execution(DIRECTOR.id), 'not-our-client-secret')();
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    await nothingScored();
  });

  it('When the v2 signature covers another body, then 401 and nothing is scored', async () => {
    const signature = v2Of(execution(CUSTOMER.id));
    const headers = { 'x-hubspot-signature-version': 'v2', 'x-hubspot-signature': signature };
    expect((await h.post(execution(DIRECTOR.id), headers)).status).toBe(401);
    await nothingScored();
  });

  it('When the request carries only a v1 signature, then 401 and nothing is scored', async () => {
    // v1 = SHA-256 of client secret + body: no method, no URI (https://developers.hubspot.com/docs/faq/v1-request-validation).
    const body = execution(DIRECTOR.id);
    const v1 = createHash('sha256')
      .update(CLIENT_SECRET + JSON.stringify(body))
      .digest('hex');
    const res = await h.post(body, { 'x-hubspot-signature-version': 'v1', 'x-hubspot-signature': v1 });
    expect(res.status).toBe(401);
    await nothingScored();
  });

  it('When a valid v2 signature comes without its version header, then 401 and nothing is scored', async () => {
    const res = await h.post(execution(DIRECTOR.id), { 'x-hubspot-signature': v2Of(execution(DIRECTOR.id)) });
    expect(res.status).toBe(401);
    await nothingScored();
  });

  it('When v3 headers are present, then v3 decides: a stale v3 is refused even beside a valid v2', async () => {
    const body = execution(DIRECTOR.id);
    const stale = signHubSpotRequest({
      clientSecret: CLIENT_SECRET,
      method: 'POST',
      url,
      body: JSON.stringify(body),
      timestamp: NOW - 6 * 60 * 1000,
    });
    const res = await h.post(body, {
      ...stale,
      'x-hubspot-signature-version': 'v2',
      'x-hubspot-signature': v2Of(body),
    });
    expect(res.status).toBe(401);
    await nothingScored();
  });
});

describe('POST /workflow-actions/qualify: when it cannot score', () => {
  beforeEach(async () => {
    h = await start();
  });

  it('When no agreement was approved yet, then the workflow goes on and its history says why (no 500)', async () => {
    await h.store.installations.connect(PORTAL, null, [], NOW);
    await h.store.contacts.upsertMany(PORTAL, [DIRECTOR], NOW);
    const fields = await outputs(await h.signed(execution(DIRECTOR.id))());
    expect(fields).toEqual({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'NO_APPROVED_AGREEMENT' });
    expect(await h.store.qualifications.get(PORTAL, DIRECTOR.id)).toBeUndefined();
  });

  it('When Lead Pact lost access to the account, then the history says to reinstall', async () => {
    await ready(h);
    await h.store.installations.setStatus(PORTAL, 'disconnected', 'token_refused', NOW);
    const fields = await outputs(await h.signed(execution(DIRECTOR.id))());
    expect(fields).toEqual({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'NOT_CONNECTED' });
  });

  it('When HubSpot no longer has the contact, then the history says so', async () => {
    await ready(h);
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(207, { ...fixture('contacts-batch-read-207'), results: [] });
    nock(API)
      .post('/crm/v4/associations/contacts/companies/batch/read')
      .query(true)
      .optionally()
      .reply(200, { status: 'COMPLETE', results: [] });
    const fields = await outputs(await h.signed(execution('999'))());
    expect(fields).toEqual({ hs_execution_state: 'FAIL_CONTINUE', errorCode: 'CONTACT_NOT_FOUND' });
  });
});

describe('POST /workflow-actions/qualify: a contact Lead Pact has not stored yet', () => {
  const reads = () =>
    serveBatchReads(API, {
      contacts: 'contacts-batch-read',
      associations: 'associations-contacts-companies-batch-read',
      companies: 'companies-batch-read',
    });

  it('When HubSpot answers the read in time, then the contact is read, stored and its verdict answered at once', async () => {
    h = await start();
    await ready(h);
    reads();
    const fields = await outputs(await h.signed(execution('51'))());
    expect(fields.hs_execution_state).toBe('SUCCESS');
    await expectStoredAsAnswered(h.store, '51', fields);
    expect(await h.store.jobs.list({ type: COMPLETE_WORKFLOW_ACTION_JOB })).toEqual([]);
  });

  it('When HubSpot is rate limited, then the enrollment is blocked, and a job completes it through the callback API once HubSpot answers', async () => {
    h = await start();
    await ready(h);
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .times(2)
      .query(true)
      .reply(429, fixture('error-429-ten-secondly'));
    const send = h.signed(execution('51'));
    const blocked = await outputs(await send());
    expect(blocked).toEqual({ hs_execution_state: 'BLOCK', hs_expiration_duration: 'P1D' });
    // HubSpot's retry of the request joins the one job of this execution.
    expect(await outputs(await send())).toEqual(blocked);
    const jobs = await h.store.jobs.list({ type: COMPLETE_WORKFLOW_ACTION_JOB });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      portalId: PORTAL,
      payload: { portalId: PORTAL, contactId: '51', callbackId: CALLBACK },
    });

    reads();
    let completion: unknown;
    nock(API)
      .post(`/automation/actions/callbacks/2026-03/${CALLBACK}/complete`, (body) => {
        completion = body;
        return true;
      })
      .reply(204);
    expect(await runCompletionJob(h)).toMatchObject({ outcome: 'succeeded' });
    const verdict = await storedVerdict(h.store, '51');
    expect(completion).toEqual({
      outputFields: { ...verdict, hs_execution_state: 'SUCCESS' },
      typedOutputs: {},
    });
  });

  it('When HubSpot is too slow to answer the read, then the answer does not wait for it: the enrollment is blocked', async () => {
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      readContacts: async () => {
        await stalled;
        return { contacts: [], missing: [] };
      },
    } as unknown as HubSpotGateway;
    h = await start({ gateway: slow, deadlineMs: 50 });
    await ready(h);
    const fields = await outputs(await h.signed(execution('51'))());
    expect(fields).toEqual({ hs_execution_state: 'BLOCK', hs_expiration_duration: 'P1D' });
    expect(await h.store.jobs.list({ type: COMPLETE_WORKFLOW_ACTION_JOB })).toHaveLength(1);
    release();
  });

  it('When the callback was already resumed or expired, then the job ends without retrying', async () => {
    h = await start();
    await ready(h);
    nock(API)
      .post('/crm/v3/objects/contacts/batch/read')
      .query(true)
      .reply(429, fixture('error-429-ten-secondly'));
    await outputs(await h.signed(execution('51'))());
    reads();
    nock(API)
      .post(`/automation/actions/callbacks/2026-03/${CALLBACK}/complete`)
      .reply(404, { status: 'error', message: 'Callback not found', category: 'OBJECT_NOT_FOUND' });
    expect(await runCompletionJob(h)).toMatchObject({ outcome: 'succeeded' });
    const [job] = await h.store.jobs.list({ type: COMPLETE_WORKFLOW_ACTION_JOB });
    expect(job).toMatchObject({ status: 'succeeded', result: { completed: false } });
  });
});
