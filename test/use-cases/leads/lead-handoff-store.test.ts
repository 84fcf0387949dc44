import { storeCardPorts } from '../../../src/composition/store-card-ports';
import type { HubSpotContact } from '../../../src/hubspot/hubspot-gateway';
import type { Store } from '../../../src/store/create-store';
import { recordVerdict } from '../../../src/use-cases/card/record-verdict';
import { scoreNow } from '../../../src/use-cases/card/score-now';
import { loadJob, storeAndQualify } from '../../../src/use-cases/intake/sync-contacts';
import { LEAD_SYNC_JOB } from '../../../src/use-cases/leads/lead-sync-jobs';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { sweepSla } from '../../../src/use-cases/sla/sweep-sla';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { activate, agreementWith } from '../rescore/rescore-fixtures';

const PORTAL = '4242';
/** Tuesday 1 December 2026, 10:00 in Tokyo. */
const NOW = Date.parse('2026-12-01T01:00:00Z');
const DAY = 86_400_000;

/** A director at a 1,200-person software company who clicked "get a quote" yesterday: A2 under the example. */
const director = (id: string, over: Record<string, string> = {}): HubSpotContact => ({
  id,
  properties: {
    firstname: 'Aiko',
    lastname: 'Sato',
    email: `aiko${id}@example.jp`,
    hubspot_owner_id: '41629779',
    jobtitle: 'Director of IT',
    lifecyclestage: 'marketingqualifiedlead',
    recent_conversion_event_name: 'Get a quote',
    recent_conversion_date: String(NOW - DAY),
    ...over,
  },
  company: { hs_object_id: '9001', numberofemployees: '1200', industry: 'COMPUTER_SOFTWARE' },
  companyId: '9001',
});

describe.each(ENGINE_FACTORIES)('Leads handed over through the store on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  async function sync(contacts: HubSpotContact[], now: number) {
    const job = await loadJob({ store, engine: domainEngine, now: () => now }, PORTAL);
    return store.transaction((tx) => storeAndQualify(tx, job!, contacts));
  }
  const leadJobs = () => store.jobs.list({ type: LEAD_SYNC_JOB, portalId: PORTAL, status: 'queued' });

  it('opens the Lead of a contact a sync makes sales-ready, with its job, and disqualifies it when the SLA recycles it', async () => {
    await activate(store, PORTAL, {
      ...agreementWith(),
      handoff: {
        salesReady: ['A1', 'A2', 'B1'],
        createLeads: true,
        leadOwners: { inside_sales: { teamId: '7' } },
      },
    });
    await sync([director('1')], NOW);
    const qualification = await store.qualifications.get(PORTAL, '1');
    expect(qualification).toMatchObject({ tier: 'sales_ready', grade: 'A2' });
    const lead = await store.leads.latest(PORTAL, '1');
    expect(lead).toMatchObject({
      handoffAt: NOW,
      name: 'Aiko Sato · A2',
      companyId: '9001',
      grade: 'A2',
      route: qualification!.route,
      reasons: qualification!.reasons,
      wanted: 'open',
      status: 'pending',
    });
    expect(lead!.ownerId).toBe('41629779');
    expect(await leadJobs()).toHaveLength(1);
    // The same contact synced again: still one Lead.
    await sync([director('1', { jobtitle: 'Director of IT systems' })], NOW + 60_000);
    expect((await store.leads.counts(PORTAL)).pending).toBe(1);
    // Never touched, and no progress within the agreement's 30 days: recycled, its Lead disqualified.
    await sweepSla(store, PORTAL, NOW + 31 * DAY);
    expect(await store.qualifications.get(PORTAL, '1')).toMatchObject({ tier: 'recycled' });
    expect(await store.leads.latest(PORTAL, '1')).toMatchObject({
      wanted: 'disqualified',
      reason: 'sla_no_touch',
      status: 'pending',
    });
  });

  it('opens the Lead of a contact a rep scores now on the card, and a rejection disqualifies it with the rep’s words', async () => {
    await activate(store, PORTAL, {
      ...agreementWith(),
      handoff: { salesReady: ['A1', 'A2', 'B1'], createLeads: true },
    });
    await store.installations.connect(PORTAL, null, [], NOW);
    const { companyId: _c, ...snapshot } = director('2');
    await store.contacts.upsertMany(PORTAL, [snapshot], NOW);
    const config = { hubspot: { accessToken: undefined, portalId: undefined } } as never;
    const ports = storeCardPorts(store, config, { now: () => NOW });
    await scoreNow(ports, { portalId: PORTAL, objectId: '2' });
    expect(await store.leads.latest(PORTAL, '2')).toMatchObject({
      handoffAt: NOW,
      wanted: 'open',
      companyId: '9001',
    });
    // Scored again: the same handoff, no second Lead.
    await scoreNow(ports, { portalId: PORTAL, objectId: '2' });
    expect((await store.leads.counts(PORTAL)).pending).toBe(1);
    await recordVerdict(
      { store, clock: { now: () => NOW + 1000 } },
      {
        portalId: PORTAL,
        userId: '9001',
        request: { objectId: '2', verdict: 'rejected', reason: 'too_small', note: 'Five seats' },
      },
    );
    expect(await store.leads.latest(PORTAL, '2')).toMatchObject({
      wanted: 'disqualified',
      reason: 'rejected',
      reasonNote: 'Five seats',
    });
    expect(await leadJobs()).toHaveLength(1);
  });

  it('leaves the leads table and the job queue alone when the agreement does not create Leads', async () => {
    await activate(store, PORTAL, agreementWith());
    await sync([director('1')], NOW);
    expect(await store.qualifications.get(PORTAL, '1')).toMatchObject({ tier: 'sales_ready' });
    expect(await store.leads.latest(PORTAL, '1')).toBeUndefined();
    expect(await leadJobs()).toEqual([]);
    await sweepSla(store, PORTAL, NOW + 31 * DAY);
    expect(await store.leads.latest(PORTAL, '1')).toBeUndefined();
  });
});
