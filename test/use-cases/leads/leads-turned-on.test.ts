import type { HubSpotContact } from '../../../src/hubspot/hubspot-gateway';
import { parseAgreement } from '../../../src/domain/parse-agreement';
import type { Store } from '../../../src/store/create-store';
import { recordVerdict } from '../../../src/use-cases/card/record-verdict';
import { loadJob, storeAndQualify } from '../../../src/use-cases/intake/sync-contacts';
import { LEAD_SYNC_JOB } from '../../../src/use-cases/leads/lead-sync-jobs';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { rescorePortal } from '../../../src/use-cases/rescore/rescore-portal';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { fakeEngine } from '../rescore/fake-engine';
import { inMemoryRescore } from '../rescore/in-memory-rescore';
import { rescoreDeps } from '../rescore/rescore-deps';
import { activate, agreementWith, contacts } from '../rescore/rescore-fixtures';

const PORTAL = '4343';
/** Tuesday 1 December 2026, 10:00 in Tokyo. */
const NOW = Date.parse('2026-12-01T01:00:00Z');
const DAY = 86_400_000;

/** A director at a 1,200-person software company who clicked "get a quote" yesterday: A2 under the example. */
const director = (id: string, firstname: string): HubSpotContact => ({
  id,
  properties: {
    firstname,
    lastname: 'Sato',
    email: `${firstname.toLowerCase()}${id}@example.jp`,
    jobtitle: 'Director of IT',
    lifecyclestage: 'marketingqualifiedlead',
    recent_conversion_event_name: 'Get a quote',
    recent_conversion_date: String(NOW - DAY),
  },
  company: { hs_object_id: '9001', numberofemployees: '1200', industry: 'COMPUTER_SOFTWARE' },
  companyId: '9001',
});

const withLeads = () => ({
  ...agreementWith(),
  handoff: { salesReady: ['A1', 'A2', 'B1'], createLeads: true },
});

describe.each(ENGINE_FACTORIES)('an approval that turns Leads on, on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  async function sync(list: HubSpotContact[], now: number) {
    const job = await loadJob({ store, engine: domainEngine, now: () => now }, PORTAL);
    return store.transaction((tx) => storeAndQualify(tx, job!, list));
  }
  /** What approving a version runs: the rescore of every contact under it. */
  async function approve(body: Record<string, unknown>, now: number) {
    const version = await activate(store, PORTAL, body);
    return rescorePortal(rescoreDeps(store, domainEngine), {
      portalId: PORTAL,
      agreementVersion: version,
      batchSize: 2,
      now: () => now,
    });
  }
  const leadJobs = () => store.jobs.list({ type: LEAD_SYNC_JOB, portalId: PORTAL, status: 'queued' });

  it('hands the contacts already sales-ready over as Leads, one per current handoff, none for a recycled one, and never again', async () => {
    await activate(store, PORTAL, agreementWith());
    await sync(
      [director('1', 'Aiko'), director('2', 'Ben'), director('3', 'Chika'), director('4', 'Dai')],
      NOW,
    );
    // Dai was rejected on the card before Leads were on: recycled.
    await recordVerdict(
      { store, clock: { now: () => NOW + 1000 } },
      {
        portalId: PORTAL,
        userId: '9001',
        request: { objectId: '4', verdict: 'rejected', reason: 'too_small' },
      },
    );
    expect(await store.leads.counts(PORTAL)).toEqual({ pending: 0, synced: 0, rejected: 0 });

    const later = NOW + 2 * 3_600_000;
    await approve(withLeads(), later);
    for (const [id, name] of [
      ['1', 'Aiko Sato · A2'],
      ['2', 'Ben Sato · A2'],
      ['3', 'Chika Sato · A2'],
    ] as const) {
      // The handoff is the contact's qualification to sales-ready, not the approval.
      expect(await store.qualifications.get(PORTAL, id)).toMatchObject({
        tier: 'sales_ready',
        qualifiedAt: NOW,
      });
      expect(await store.leads.latest(PORTAL, id)).toMatchObject({
        handoffAt: NOW,
        name,
        companyId: '9001',
        wanted: 'open',
        status: 'pending',
      });
    }
    expect(await store.leads.latest(PORTAL, '4')).toBeUndefined();
    expect(await leadJobs()).toHaveLength(1);

    // HubSpot refused Chika's Lead for good: a later approval does not try again for the same handoff.
    const [chika] = (await store.leads.claimDue(PORTAL, later, 10, 60_000)).filter(
      (r) => r.contactId === '3',
    );
    await store.leads.markRejected(PORTAL, chika!, 'INVALID_OWNER_ID', later);
    await approve(withLeads(), later + DAY);
    expect(await store.leads.counts(PORTAL)).toEqual({ pending: 2, synced: 0, rejected: 1 });
  });

  it('opens nothing when the approved version leaves Leads off', async () => {
    await activate(store, PORTAL, agreementWith());
    await sync([director('1', 'Aiko')], NOW);
    await approve(agreementWith(), NOW + 3_600_000);
    expect(await store.qualifications.get(PORTAL, '1')).toMatchObject({ tier: 'sales_ready' });
    expect(await store.leads.latest(PORTAL, '1')).toBeUndefined();
    expect(await leadJobs()).toEqual([]);
  });
});

describe('a rescore with Leads off (in memory)', () => {
  it('asks the leads table nothing, even with sales-ready contacts in every page', async () => {
    const parsed = parseAgreement(agreementWith({ capacity: 100 }));
    if (!parsed.success) throw new Error('the example agreement does not parse');
    const { store, pages, leads } = inMemoryRescore(
      contacts(30, (i) => ({ grade: 'A1', score: 90 - i })),
      parsed.data,
    );
    const asked: string[] = [];
    for (const name of Object.keys(leads.leads) as (keyof typeof leads.leads)[]) {
      const method = leads.leads[name] as (...args: unknown[]) => unknown;
      (leads.leads as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        asked.push(name);
        return method(...args);
      };
    }
    const request = { portalId: 'p', agreementVersion: 2, batchSize: 10, now: () => NOW };
    expect(await rescorePortal({ store, pages, engine: fakeEngine }, request)).toMatchObject({
      madeSalesReady: 30,
    });
    // Again, as an approval of the next version does: every contact keeps its place.
    await rescorePortal({ store, pages, engine: fakeEngine }, { ...request, agreementVersion: 3 });
    expect(asked).toEqual([]);
    expect(leads.rows()).toEqual([]);
  });
});
