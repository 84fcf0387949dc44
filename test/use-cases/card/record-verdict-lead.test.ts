import example from '../../../examples/agreement.json';
import type { VerdictRequest } from '../../../src/contracts/card';
import { createStore, type Store } from '../../../src/store/create-store';
import { recordVerdict } from '../../../src/use-cases/card/record-verdict';
import { failInsertsFor, injectedFailure } from '../../store/fail-inserts-for';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { salesReadyLead } from '../sales-ready-lead';
import { approveAgreement } from './card-seed';

const PORTAL = '781';
const QUALIFIED = Date.parse('2026-11-27T10:00:00Z');
const DECIDED = Date.parse('2026-11-30T09:00:00Z');
const LEAD = '42';
const WITH_LEADS = { ...example, handoff: { ...example.handoff, createLeads: true } };

describe.each(ENGINE_FACTORIES)("a rep's verdict and the contact's HubSpot Lead on %s", (_engine, make) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await make();
    store = await createStore(database.options);
    await store.qualifications.upsertMany(PORTAL, [salesReadyLead(LEAD, QUALIFIED)], QUALIFIED);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const approve = (body: object) => approveAgreement(store, PORTAL, body, QUALIFIED);
  /** The contact was handed over as a Lead, which Lead Pact created in HubSpot (id 9001, stage New). */
  const handedOverAsLead = async () => {
    const handoff = {
      contactId: LEAD,
      handoffAt: QUALIFIED,
      name: 'Lead 42 (A1)',
      ownerId: '201',
      teamId: null,
      companyId: null,
      grade: 'A1',
      route: 'inside_sales',
      reasons: 'fits',
    };
    await store.leads.open(PORTAL, handoff, QUALIFIED);
    const [claimed] = await store.leads.claimDue(PORTAL, QUALIFIED, 10, 60_000);
    await store.leads.markSynced(PORTAL, claimed!, '9001', 'new-stage-id', QUALIFIED);
  };
  const decide = (request: Omit<VerdictRequest, 'objectId'>) =>
    recordVerdict(
      { store, clock: { now: () => DECIDED } },
      { portalId: PORTAL, userId: '601', request: { objectId: LEAD, ...request } },
    );

  it('When the rep accepts, then the Lead is to move on, and the lead-sync has it to send', async () => {
    await approve(WITH_LEADS);
    await handedOverAsLead();
    await decide({ verdict: 'accepted' });
    expect(await store.leads.latest(PORTAL, LEAD)).toMatchObject({
      leadId: '9001',
      wanted: 'accepted',
      reason: null,
      status: 'pending',
      nextAttemptAt: DECIDED,
    });
    // The move goes to HubSpot with the portal's next lead-sync job, queued with the verdict.
    expect(await store.jobs.list({ type: 'lead-sync', portalId: PORTAL })).toEqual([
      expect.objectContaining({ status: 'queued', runAt: DECIDED }),
    ]);
    expect(await store.leads.claimDue(PORTAL, DECIDED, 10, 60_000)).toHaveLength(1);
  });

  it("When the rep rejects, then the Lead is to be disqualified as 'rejected' with the rep's words", async () => {
    await approve(WITH_LEADS);
    await handedOverAsLead();
    await decide({ verdict: 'rejected', reason: 'too_small', note: 'Only five seats' });
    expect(await store.leads.latest(PORTAL, LEAD)).toMatchObject({
      wanted: 'disqualified',
      reason: 'rejected',
      reasonNote: 'Only five seats',
      status: 'pending',
    });
    // Closed for Lead Pact: a later handoff of the contact may open a new Lead.
    expect(await store.leads.openFor(PORTAL, LEAD)).toBeUndefined();
  });

  it('When the rep accepts and later rejects, then the accepted Lead is disqualified', async () => {
    await approve(WITH_LEADS);
    await handedOverAsLead();
    await decide({ verdict: 'accepted' });
    await decide({ verdict: 'rejected', reason: 'not_ready' });
    expect(await store.leads.latest(PORTAL, LEAD)).toMatchObject({
      wanted: 'disqualified',
      reason: 'rejected',
      reasonNote: null,
    });
  });

  it('When the contact has no Lead, then the verdict is recorded and no Lead appears', async () => {
    await approve(WITH_LEADS);
    await decide({ verdict: 'rejected', reason: 'too_small' });
    expect(await store.verdicts.forContact(PORTAL, LEAD)).toHaveLength(1);
    expect(await store.leads.latest(PORTAL, LEAD)).toBeUndefined();
    expect(await store.jobs.list({ type: 'lead-sync', portalId: PORTAL })).toEqual([]);
  });

  it('When the agreement in force hands over no Leads, then the verdict leaves an earlier Lead untouched', async () => {
    await approve(WITH_LEADS);
    await handedOverAsLead();
    await approve(example);
    await decide({ verdict: 'rejected', reason: 'too_small' });
    expect(await store.leads.latest(PORTAL, LEAD)).toMatchObject({ wanted: 'open', status: 'synced' });
  });

  it('When the verdict cannot be stored, then the Lead stays as it was, and the retry moves it once', async () => {
    await approve(WITH_LEADS);
    await handedOverAsLead();
    const heal = await failInsertsFor(store, 'outbox', LEAD);
    await expect(decide({ verdict: 'rejected', reason: 'too_small' })).rejects.toMatchObject(
      injectedFailure(),
    );
    expect(await store.leads.latest(PORTAL, LEAD)).toMatchObject({ wanted: 'open', status: 'synced' });

    await heal();
    await decide({ verdict: 'rejected', reason: 'too_small' });
    await decide({ verdict: 'rejected', reason: 'too_small' });
    expect(await store.leads.latest(PORTAL, LEAD)).toMatchObject({
      wanted: 'disqualified',
      reason: 'rejected',
      revision: 2,
    });
  });
});
