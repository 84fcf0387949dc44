import nock from 'nock';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { createJobRegistry, type JobContext } from '../../../src/jobs/job-registry';
import { registerSafetyNet } from '../../../src/jobs/handlers/safety-net-handler';
import { writeBackHandler } from '../../../src/jobs/handlers/write-back-handler';
import type { Store } from '../../../src/store/create-store';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import {
  catchUpModified,
  SEARCH_INDEX_LAG_MS,
  type SafetyNetDeps,
} from '../../../src/use-cases/sync-safety-net/catch-up-modified';
import {
  FIRST_LOOKBACK_MS,
  SAFETY_NET_CHECKPOINT,
  SAFETY_NET_COMPANIES_CHECKPOINT,
} from '../../../src/use-cases/sync-safety-net/safety-net-checkpoint';
import { fixture } from '../../hubspot/fixture';
import { serveBatchReads } from '../../hubspot/serve-batch-reads';
import { useNock } from '../../hubspot/use-nock';
import { ENGINE_FACTORIES, openTestStore, tempSqlite, type TestDatabase } from '../../store/test-databases';
import { applyExampleAgreement } from '../apply-example-agreement';

const PORTAL = '62515';
const API = 'https://api.hubapi.com';
const NOW = Date.UTC(2026, 10, 27, 12);
const TARGET = NOW - SEARCH_INDEX_LAG_MS;
const HOUR = 3_600_000;

interface SearchBody {
  filterGroups: Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>;
  after?: string;
}
interface Search {
  from: number;
  to: number;
  after?: string;
  at: number;
  body: SearchBody;
}

let store: Store;
let database: TestDatabase;
let clock: number;
let searches: Search[];
let companySearches: SearchBody[];
let makeDatabase: () => Promise<TestDatabase> = async () => tempSqlite();

const deps = (): SafetyNetDeps => ({
  store,
  gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: API }),
  engine: domainEngine,
  now: () => clock,
});
// A clock that moves when the code waits: pacing is checked without wall-clock time.
const sleep = async (ms: number) => void (clock += ms);
const run = () => catchUpModified(deps(), PORTAL, { sleep });

/**
 * HubSpot's contact search; `answer` picks the recorded body (or an error) for each window and cursor. The company
 * search that follows answers `companies` (none modified, unless a test says otherwise; null when it is not reached).
 */
function serveSearch(
  answer: (s: Search) => [number, string],
  companies: string | null = 'companies-search-empty',
) {
  if (companies) serveCompanySearch(companies);
  nock(API)
    .persist()
    .post('/crm/v3/objects/contacts/search')
    .reply((_uri, raw) => {
      const body = raw as SearchBody;
      const value = (op: string) =>
        Number(body.filterGroups[0]?.filters.find((f) => f.operator === op)?.value);
      const search: Search = { from: value('GTE'), to: value('LT'), at: clock, body };
      if (body.after !== undefined) search.after = body.after;
      searches.push(search);
      const [status, name] = answer(search);
      return [status, fixture(name)];
    });
}
/** HubSpot's company search: `name` is the recorded body every request gets. */
function serveCompanySearch(name = 'companies-search-empty') {
  nock(API)
    .persist()
    .post('/crm/v3/objects/companies/search')
    .reply((_uri, body) => {
      companySearches.push(body as SearchBody);
      return [200, fixture(name)];
    });
}
const twoPages = (s: Search): [number, string] =>
  s.after === '1' ? [200, 'contacts-search-modified-page-2'] : [200, 'contacts-search-modified-page-1'];
const reads = () =>
  serveBatchReads(API, {
    contacts: 'contacts-batch-read',
    associations: 'associations-contacts-companies-batch-read',
    companies: 'companies-batch-read',
  });
const startAt = (until: number) => store.checkpoints.set(PORTAL, SAFETY_NET_CHECKPOINT, { until }, NOW);
/** A contact's grade as stored, with the primary company it was read with. */
const graded = async (id: string) => {
  const q = await store.qualifications.get(PORTAL, id);
  const company = (await store.contacts.get(PORTAL, id))?.company?.hs_object_id;
  return q && { tier: q.tier, grade: q.grade, score: q.score, company };
};
/** Every contact id the two recorded association pages name, sorted as strings. */
const associatedContactIds = () =>
  [
    ...new Set(
      [
        'associations-companies-contacts-batch-read-page-1',
        'associations-companies-contacts-batch-read-page-2',
      ]
        .flatMap(
          (name) => (fixture(name) as { results: Array<{ to: Array<{ toObjectId: number }> }> }).results,
        )
        .flatMap((r) => r.to.map((t) => String(t.toObjectId))),
    ),
  ].sort();
const windows = () => searches.map(({ from, to, after }) => ({ from, to, ...(after ? { after } : {}) }));

useNock();
beforeEach(async () => {
  clock = NOW;
  searches = [];
  companySearches = [];
  ({ store, database } = await openTestStore(makeDatabase));
  await applyExampleAgreement(store, PORTAL, NOW);
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

describe.each(ENGINE_FACTORIES)('catchUpModified on %s', (_engine, make) => {
  beforeAll(() => {
    makeDatabase = make;
  });

  it('When a window counts 10,000 matches or more, then it is halved until each part fits, covering the range once', async () => {
    const start = NOW - 2 * HOUR;
    await startAt(start);
    serveSearch((s) => {
      if (s.to - s.from > HOUR) return [200, 'contacts-search-over-cap'];
      return s.from === start ? twoPages(s) : [200, 'contacts-search-empty'];
    });
    reads();
    const result = await run();
    const half = start + Math.floor((TARGET - start) / 2);
    expect(windows()).toEqual([
      { from: start, to: TARGET },
      { from: start, to: half },
      { from: start, to: half, after: '1' },
      { from: half, to: TARGET },
    ]);
    expect(result).toMatchObject({ until: TARGET, splits: 1, read: 2 });
    expect(await store.contacts.get(PORTAL, '901')).toBeUndefined();
    // The two contacts of the first half's two pages, each read with its primary company and graded.
    expect(await graded('51')).toEqual({ tier: 'nurture', grade: 'A4', score: 41, company: '7002' });
    expect(await graded('52')).toEqual({ tier: 'nurture', grade: 'C4', score: 17, company: '7003' });
    expect(result).toMatchObject({ pages: 3, read: 2, changed: 2 });
    expect(await store.checkpoints.get(PORTAL, SAFETY_NET_CHECKPOINT)).toMatchObject({ until: TARGET });
  });

  it('When searching, then requests are at least 200 ms apart (HubSpot allows 5 searches per second)', async () => {
    await startAt(NOW - 2 * HOUR);
    serveSearch((s) => (s.to - s.from > HOUR ? [200, 'contacts-search-over-cap'] : twoPages(s)));
    reads();
    await run();
    const gaps = searches.slice(1).map((s, i) => s.at - (searches[i]?.at ?? 0));
    expect(gaps.length).toBeGreaterThan(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(200);
  });

  it('When a run crashes in the middle of a window, then the next one resumes at that page, not the window start', async () => {
    const start = NOW - HOUR / 2;
    await startAt(start);
    serveSearch((s) => (s.after === '1' && searches.length === 2 ? [502, 'error-502'] : twoPages(s)));
    reads();
    await expect(run()).rejects.toMatchObject({ code: 'upstream_failed' });
    expect(await store.checkpoints.get(PORTAL, SAFETY_NET_CHECKPOINT)).toEqual({
      until: start,
      window: { from: start, to: TARGET, after: '1' },
    });
    expect((await store.contacts.get(PORTAL, '51'))?.properties.email).toBe('tanaka@maker.example');
    expect(await store.contacts.get(PORTAL, '52')).toBeUndefined();
    searches = [];
    clock = NOW; // restarted at once: no newer window is due yet
    const result = await run();
    expect(windows()).toEqual([{ from: start, to: TARGET, after: '1' }]);
    expect(result).toMatchObject({ until: TARGET, read: 1 });
    expect((await store.contacts.get(PORTAL, '52'))?.properties.email).toBe('lee@startup.example');
    expect(await graded('52')).toEqual({ tier: 'nurture', grade: 'C4', score: 17, company: '7003' });
  });

  it('When a webhook was missed, then the contact is found, qualified with its company and written to HubSpot', async () => {
    const start = NOW - HOUR / 2;
    await startAt(start);
    serveSearch(twoPages);
    reads();
    await run();
    expect(searches[0]?.body).toEqual({
      filterGroups: [
        {
          filters: [
            { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(start) },
            { propertyName: 'lastmodifieddate', operator: 'LT', value: String(TARGET) },
          ],
        },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['hs_object_id'],
      limit: 100,
    });
    let sent: { inputs: Array<{ id: string; properties: Record<string, string> }> } | undefined;
    nock(API)
      .post('/crm/v3/objects/contacts/batch/update', (body) => ((sent = body), true))
      .reply(200, fixture('contacts-batch-update'));
    const gateway = createApiClientGateway({ accessToken: 'token-abc', basePath: API });
    const handler = writeBackHandler({ store, gatewayFor: () => gateway, limitPer10s: 100 });
    await handler({ portalId: PORTAL }, { signal: new AbortController().signal } as JobContext);
    const tanaka = sent?.inputs.find((i) => i.id === '51');
    // 1,200 employees (40) + 部長 (30) + machinery (15) = 85: an A fit, known only from the primary company.
    expect(tanaka?.properties).toMatchObject({
      lead_pact_grade: 'A4',
      lead_pact_score: '41',
      lead_pact_tier: 'nurture',
    });
    expect(sent?.inputs.map((i) => [i.id, i.properties.lead_pact_grade])).toEqual([
      ['51', 'A4'],
      ['52', 'C4'],
    ]);
  });

  it('When a company changed while its webhooks were missed, then its contacts are queued for a sync and the company mark moves', async () => {
    const start = NOW - HOUR / 2;
    await startAt(start);
    await store.checkpoints.set(PORTAL, SAFETY_NET_COMPANIES_CHECKPOINT, { until: start }, NOW);
    serveSearch(() => [200, 'contacts-search-empty'], 'companies-search-modified');
    nock(API)
      .persist()
      .post('/crm/v4/associations/companies/contacts/batch/read')
      .reply((_uri, body) => {
        const next = (body as { inputs: Array<{ after?: string }> }).inputs.some((i) => i.after);
        return next
          ? [200, fixture('associations-companies-contacts-batch-read-page-2')]
          : [207, fixture('associations-companies-contacts-batch-read-page-1')];
      });

    const result = await run();

    expect(companySearches).toEqual([
      {
        filterGroups: [
          {
            filters: [
              { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(start) },
              { propertyName: 'hs_lastmodifieddate', operator: 'LT', value: String(TARGET) },
            ],
          },
        ],
        sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
        properties: ['hs_object_id'],
        limit: 100,
      },
    ]);
    expect(result.companies).toMatchObject({ until: TARGET, pages: 1, read: 3, changed: 253 });
    const queued = (await store.jobs.list({ type: 'sync-contacts', limit: 100 })).flatMap(
      (j) => (j.payload as { contactIds: string[] }).contactIds,
    );
    expect(queued.length).toBe(253);
    expect([...new Set(queued)].sort()).toEqual(associatedContactIds());
    expect(await store.checkpoints.get(PORTAL, SAFETY_NET_COMPANIES_CHECKPOINT)).toEqual({ until: TARGET });
  });

  it('When the portal never ran the safety net, then the first run looks back three days, for contacts and companies', async () => {
    serveSearch(() => [200, 'contacts-search-empty']);
    await run();
    expect(windows()).toEqual([{ from: NOW - FIRST_LOOKBACK_MS, to: TARGET }]);
    const companyWindow = companySearches[0]?.filterGroups[0]?.filters.map((f) => Number(f.value));
    expect(companyWindow).toEqual([NOW - FIRST_LOOKBACK_MS, TARGET]);
  });

  it('When run as a job, then the next run is queued one interval later even if this one failed', async () => {
    await startAt(NOW - HOUR / 2);
    // The contact search fails, so the company search is never reached.
    serveSearch(() => [502, 'error-502'], null);
    const registry = registerSafetyNet(createJobRegistry(), {
      ...deps(),
      jobs: store.jobs,
      intervalMs: HOUR,
    });
    const ctx = { job: { id: 1 }, signal: new AbortController().signal, progress: async () => undefined };
    await expect(
      registry.get('safety-net')?.run({ portalId: PORTAL }, ctx as unknown as JobContext),
    ).rejects.toMatchObject({ code: 'upstream_failed' });
    const queued = await store.jobs.list({ type: 'safety-net', portalId: PORTAL });
    expect(queued.map((j) => j.runAt)).toEqual([NOW + HOUR]);
  });

  it('When a run ends just before an interval boundary, then the next run is still a whole interval later', async () => {
    await startAt(NOW - HOUR / 2);
    serveSearch(() => [200, 'contacts-search-empty']);
    clock = NOW + HOUR - 30_000;
    const registry = registerSafetyNet(createJobRegistry(), {
      ...deps(),
      jobs: store.jobs,
      intervalMs: HOUR,
    });
    const ctx = { job: { id: 1 }, signal: new AbortController().signal, progress: async () => undefined };
    await registry.get('safety-net')?.run({ portalId: PORTAL }, ctx as unknown as JobContext);
    const queued = await store.jobs.list({ type: 'safety-net', portalId: PORTAL });
    expect(queued.map((j) => j.runAt)).toEqual([NOW + 2 * HOUR - 30_000]);
  });
});
