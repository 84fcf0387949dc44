import nock from 'nock';
import { withRequestBudget, type BudgetedGatewayOptions } from '../../src/hubspot/budgeted-gateway';
import type { HubSpotGateway } from '../../src/hubspot/hubspot-gateway';
import { fullImport } from '../../src/use-cases/import/full-import';
import { syncContacts } from '../../src/use-cases/intake/sync-contacts';
import { domainEngine } from '../../src/use-cases/rescore/domain-engine';
import { drainOutbox } from '../../src/use-cases/write-back/drain-outbox';
import { applyExampleAgreement } from '../use-cases/apply-example-agreement';
import {
  API,
  idsUpTo,
  openHarness,
  PORTAL,
  writes,
  type Harness,
} from '../use-cases/write-back/write-back-harness';
import { fixture } from './fixture';
import { serveBatchReads } from './serve-batch-reads';
import { useNock } from './use-nock';

const LIMIT = 4;
const OTHER_PORTAL = '5151';
const UPDATE = '/crm/v3/objects/contacts/batch/update';
const LIST = '/crm/v3/objects/contacts';
type Sent = { inputs: { id: string; properties: Record<string, string> }[] };
const okFor = (body: Sent) => ({
  status: 'COMPLETE',
  results: body.inputs.map((i) => ({ id: i.id, properties: i.properties, archived: false })),
});

/** The most requests HubSpot saw in any rolling 10 s, from the injected clock's time of each request. */
const busiestWindow = (stamps: readonly number[]) =>
  Math.max(0, ...stamps.map((from) => stamps.filter((t) => t >= from && t < from + 10_000).length));

useNock();

describe.each(['sqlite', 'postgres'] as const)('reads share the portal request budget on %s', (engine) => {
  let h: Harness;
  let stamps: number[];
  let sleeps: number[];
  const stamp = () => void stamps.push(h.clock.now());
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    await h.clock.sleep(ms);
  };
  const budgeted = (portalId = PORTAL, extra: Partial<BudgetedGatewayOptions> = {}): HubSpotGateway =>
    withRequestBudget(h.gateway, {
      portalId,
      budget: h.store.rateBudget,
      limitPer10s: LIMIT,
      now: h.clock.now,
      sleep,
      ...extra,
    });
  const deps = (gateway: HubSpotGateway) => ({
    store: h.store,
    gatewayFor: () => gateway,
    engine: domainEngine,
    now: h.clock.now,
  });
  const drain = () =>
    drainOutbox(h.store, {
      portalId: PORTAL,
      limitPer10s: LIMIT,
      gateway: budgeted(),
      now: h.clock.now,
      sleep,
    });
  const serveReads = () =>
    serveBatchReads(API, {
      contacts: 'contacts-batch-read-import',
      associations: 'associations-contacts-companies-import',
      companies: 'companies-batch-read',
    }).on('request', stamp);
  const serveUpdates = () =>
    nock(API)
      .persist()
      .post(UPDATE)
      .reply(200, (_uri, body) => okFor(body as Sent))
      .on('request', stamp);

  beforeEach(async () => {
    h = await openHarness(engine);
    stamps = [];
    sleeps = [];
    await applyExampleAgreement(h.store, PORTAL, h.clock.now());
  });
  afterEach(() => h.close());

  it('When a write-back and a full import run for one portal, then HubSpot never sees more than the budget in any 10 s', async () => {
    await h.store.outbox.enqueueMany(PORTAL, writes(idsUpTo(150, 101)), h.clock.now());
    serveUpdates();
    serveReads();
    nock(API)
      .get(LIST)
      .query((q) => q.after === undefined)
      .reply(200, fixture('contacts-list-page-1'))
      .get(LIST)
      .query((q) => q.after === '3')
      .reply(200, fixture('contacts-list-page-2'))
      .on('request', stamp);

    expect(await drain()).toMatchObject({ outcome: 'drained', written: 150 });
    expect(await fullImport(deps(budgeted()), PORTAL)).toMatchObject({ done: 3, pages: 2 });
    expect(await drain()).toMatchObject({ outcome: 'drained', written: 3 });

    // 2 batch updates, 2 list pages, 2 x (contacts + associations + companies) batch reads, 1 batch update.
    expect(stamps).toHaveLength(11);
    expect(busiestWindow(stamps)).toBe(LIMIT);
    expect(sleeps.length).toBeGreaterThan(0);
  });

  it('When the window is full, then a webhook sync waits for a free slot instead of failing', async () => {
    for (let i = 0; i < LIMIT; i++) await h.store.rateBudget.reserveRequests(PORTAL, LIMIT, h.clock.now());
    const fullAt = h.clock.now();
    serveReads();

    const result = await syncContacts(deps(budgeted()), PORTAL, ['1', '2']);

    expect(result).toMatchObject({ read: 2 });
    expect(stamps).toHaveLength(3);
    expect(Math.min(...stamps)).toBeGreaterThanOrEqual(fullAt + 10_000);
  });

  it("When the portal is paused by HubSpot's daily limit, then its reads are not sent and another portal reads at once", async () => {
    const pausedUntil = h.clock.now() + 6 * 3600_000;
    await h.store.rateBudget.pauseUntil(PORTAL, pausedUntil, h.clock.now());
    await applyExampleAgreement(h.store, OTHER_PORTAL, h.clock.now());

    await expect(syncContacts(deps(budgeted()), PORTAL, ['1'])).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining(new Date(pausedUntil).toISOString()) as unknown,
    });
    expect(stamps).toEqual([]);

    serveReads();
    const other = await syncContacts({ ...deps(budgeted(OTHER_PORTAL)) }, OTHER_PORTAL, ['1']);
    expect(other).toMatchObject({ read: 1 });
    expect(sleeps).toEqual([]);
    expect((await h.store.rateBudget.status(OTHER_PORTAL, h.clock.now())).inWindow).toBe(3);
    expect(await h.store.rateBudget.status(PORTAL, h.clock.now())).toEqual({ inWindow: 0, pausedUntil });
  });

  it('When the job is stopped while a read waits for the budget, then the read is given up unsent', async () => {
    for (let i = 0; i < LIMIT; i++) await h.store.rateBudget.reserveRequests(PORTAL, LIMIT, h.clock.now());
    const stop = new AbortController();
    const gateway = budgeted(PORTAL, { signal: stop.signal, sleep: async () => stop.abort() });

    await expect(gateway.listContacts(undefined, ['email'])).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("When a read gets HubSpot's DAILY 429, then the portal's writes pause too and send nothing", async () => {
    nock(API).get(LIST).query(true).reply(429, fixture('error-429-daily'));
    await expect(budgeted().listContacts(undefined, ['email'])).rejects.toMatchObject({
      code: 'rate_limited',
    });
    await h.store.outbox.enqueueMany(PORTAL, writes(['1']), h.clock.now());

    const result = await drain();

    expect(result).toMatchObject({ outcome: 'paused', requests: 0 });
    expect(result.resumeAt).toBeGreaterThan(h.clock.now() + 60_000);
  });
});
