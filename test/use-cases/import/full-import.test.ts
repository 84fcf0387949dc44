import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { AppError } from '../../../src/domain/app-error';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import type { HubSpotGateway } from '../../../src/hubspot/hubspot-gateway';
import { registerFullImport } from '../../../src/jobs/handlers/full-import-handler';
import { createJobRegistry, type JobContext } from '../../../src/jobs/job-registry';
import type { Store } from '../../../src/store/create-store';
import {
  FULL_IMPORT_CHECKPOINT,
  FULL_IMPORT_FINISHED,
  fullImport,
  importIfNeverFinished,
  type ImportDeps,
} from '../../../src/use-cases/import/full-import';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { serveBatchReads } from '../../hubspot/serve-batch-reads';
import { ENGINE_FACTORIES, openTestStore, tempSqlite, type TestDatabase } from '../../store/test-databases';
import { applyExampleAgreement } from '../apply-example-agreement';

const PORTAL = '62515';
const NOW = Date.UTC(2026, 10, 27);
const API = 'https://api.hubapi.com';
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/hubspot', name), 'utf8'));

let store: Store;
let database: TestDatabase;
let afters: (string | undefined)[];
let makeDatabase: () => Promise<TestDatabase> = async () => tempSqlite();

/** The real SDK gateway on nock, remembering each page cursor asked for; `failOn` throws once for that cursor. */
function gateway(failOn?: string): HubSpotGateway {
  const real = createApiClientGateway({ accessToken: 'token-abc', basePath: API });
  let failed = false;
  return {
    ...real,
    listContacts: async (after, properties) => {
      afters.push(after);
      if (failOn !== undefined && after === failOn && !failed) {
        failed = true;
        throw new AppError('upstream_failed', 'HubSpot answered 502');
      }
      return real.listContacts(after, properties);
    },
  };
}
const deps = (g: HubSpotGateway): ImportDeps => ({
  store,
  gatewayFor: () => g,
  engine: domainEngine,
  now: () => NOW,
});
const page1 = () =>
  nock(API)
    .get('/crm/v3/objects/contacts')
    .query((q) => q.after === undefined)
    .reply(200, fixture('contacts-list-page-1.json') as nock.Body);
const page2 = () =>
  nock(API)
    .get('/crm/v3/objects/contacts')
    .query((q) => q.after === '3')
    .reply(200, fixture('contacts-list-page-2.json') as nock.Body);
/** The batch reads of each listed page: contacts, their company associations and the companies. */
const reads = () =>
  serveBatchReads(API, {
    contacts: 'contacts-batch-read-import',
    associations: 'associations-contacts-companies-import',
    companies: 'companies-batch-read',
  });
/** The one search the import makes to learn how many contacts there are (its progress total). */
const count = () =>
  nock(API)
    .post('/crm/v3/objects/contacts/search')
    .reply(200, fixture('contacts-search.json') as nock.Body);
const lines: string[] = [];
const log = { info: (...args: unknown[]) => void lines.push(String(args[1])) };
const outboxIds = async () => (await store.outbox.list(PORTAL)).map((e) => e.contactId).sort();

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
beforeEach(async () => {
  afters = [];
  lines.length = 0;
  ({ store, database } = await openTestStore(makeDatabase));
  await applyExampleAgreement(store, PORTAL, NOW);
});
afterEach(async () => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  await store.close();
  await database.drop();
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe.each(ENGINE_FACTORIES)('fullImport on %s', (_engine, make) => {
  beforeAll(() => {
    makeDatabase = make;
  });

  it('When a portal has two pages of contacts, then all are stored, qualified and queued for write-back', async () => {
    count();
    page1();
    page2();
    reads();
    const result = await fullImport(deps(gateway()), PORTAL);
    expect(result).toEqual({ done: 3, total: 3, changed: 3, pages: 2 });
    expect(afters).toEqual([undefined, '3']);
    expect((await store.contacts.get(PORTAL, '3'))?.properties.email).toBe('c@three.example');
    // Each contact graded by the example agreement, with what it read (company size and industry, role).
    const graded = async (id: string) => {
      const q = await store.qualifications.get(PORTAL, id);
      return q && { tier: q.tier, grade: q.grade, score: q.score, version: q.agreementVersion };
    };
    expect(await graded('1')).toEqual({ tier: 'nurture', grade: 'B4', score: 31, version: 1 });
    expect(await graded('2')).toEqual({ tier: 'nurture', grade: 'D4', score: 9, version: 1 });
    expect(await graded('3')).toEqual({ tier: 'nurture', grade: 'D4', score: 9, version: 1 });
    // What goes to HubSpot: the written properties of each contact, nothing else.
    const written = (await store.outbox.list(PORTAL)).map((e) => [e.contactId, e.status, e.properties]);
    expect(written).toEqual([
      [
        '1',
        'pending',
        expect.objectContaining({ lead_pact_tier: 'nurture', lead_pact_grade: 'B4', lead_pact_score: '31' }),
      ],
      [
        '2',
        'pending',
        expect.objectContaining({ lead_pact_tier: 'nurture', lead_pact_grade: 'D4', lead_pact_score: '9' }),
      ],
      [
        '3',
        'pending',
        expect.objectContaining({ lead_pact_tier: 'nurture', lead_pact_grade: 'D4', lead_pact_score: '9' }),
      ],
    ]);
    expect(Object.keys((await store.outbox.get(PORTAL, '1'))?.properties ?? {}).sort()).toEqual([
      'lead_pact_agreement_version',
      'lead_pact_grade',
      'lead_pact_reasons',
      'lead_pact_route',
      'lead_pact_score',
      'lead_pact_stage',
      'lead_pact_tier',
    ]);
    expect(await store.jobs.list({ type: 'write-back', portalId: PORTAL, limit: 10 })).toHaveLength(1);
    expect(await store.checkpoints.get(PORTAL, FULL_IMPORT_CHECKPOINT)).toBeUndefined();
  });

  it('When contacts have companies, then each page is read with the primary company and company rules count', async () => {
    count();
    page1();
    page2();
    reads();
    await fullImport(deps(gateway()), PORTAL);
    const one = await store.contacts.get(PORTAL, '1');
    expect(one?.company).toMatchObject({ numberofemployees: '1200', industry: 'MACHINERY' });
    // 1,200 employees (40) + machinery (15) = 55 points: a B fit, a D without the company.
    expect((await store.qualifications.get(PORTAL, '1'))?.grade).toMatch(/^B/);
    expect((await store.contacts.get(PORTAL, '2'))?.company).toBeNull();
    expect((await store.contacts.get(PORTAL, '3'))?.company).toMatchObject({ numberofemployees: '12' });
  });

  it('When the import fails on page 2, then the next run resumes at page 2 without reading page 1 again', async () => {
    count();
    page1();
    reads();
    const g = gateway('3');
    await expect(fullImport(deps(g), PORTAL)).rejects.toMatchObject({ code: 'upstream_failed' });
    expect(await store.checkpoints.get(PORTAL, FULL_IMPORT_CHECKPOINT)).toEqual({ after: '3', done: 2 });
    expect(await outboxIds()).toEqual(['1', '2']);
    count();
    page2();
    afters = [];
    const result = await fullImport(deps(g), PORTAL);
    expect(afters).toEqual(['3']);
    expect(result).toMatchObject({ done: 3, pages: 1 });
    expect(await outboxIds()).toEqual(['1', '2', '3']);
  });

  it('When run as a job, then its progress counts the contacts read after each page', async () => {
    count();
    page1();
    page2();
    reads();
    const registry = registerFullImport(createJobRegistry(), { ...deps(gateway()), log });
    const seen: unknown[] = [];
    const ctx = {
      job: { id: 1 },
      signal: new AbortController().signal,
      progress: async (value: unknown) => void seen.push(value),
    } as unknown as JobContext;
    await registry.get('full-import')?.run({ portalId: Number(PORTAL) }, ctx);
    expect(seen).toEqual([
      expect.objectContaining({ done: 2, total: 3 }),
      expect.objectContaining({ done: 3, total: 3 }),
    ]);
    expect(lines).toEqual(['import 2 / 3 contacts', 'import done: 3 / 3 contacts']);
  });

  it('When an import finished, then a later agreement does not import the portal again', async () => {
    count();
    page1();
    page2();
    reads();
    await fullImport(deps(gateway()), PORTAL);
    expect(await store.checkpoints.get(PORTAL, FULL_IMPORT_FINISHED)).toEqual({ at: NOW, done: 3 });
    expect(await importIfNeverFinished(store, PORTAL, 2, NOW)).toBe(false);
    expect(await store.jobs.list({ type: 'full-import', portalId: PORTAL })).toEqual([]);
  });
});

describe.each(ENGINE_FACTORIES)(
  'the first agreement of a portal installed before it, on %s',
  (_engine, make) => {
    const LATE = '777';
    beforeAll(() => {
      makeDatabase = make;
    });

    it('When the install import found no agreement, then the first agreement queues the import once', async () => {
      const skipped = await fullImport(deps(gateway()), LATE);
      expect(skipped).toMatchObject({ done: 0, skipped: 'no_active_agreement' });
      expect(await importIfNeverFinished(store, LATE, 1, NOW)).toBe(true);
      expect(await importIfNeverFinished(store, LATE, 1, NOW)).toBe(false);
      const queued = await store.jobs.list({ type: 'full-import', portalId: LATE });
      expect(queued.map((job) => [job.status, job.idempotencyKey])).toEqual([
        ['queued', `full-import:${LATE}:agreement-1`],
      ]);
    });
  },
);
