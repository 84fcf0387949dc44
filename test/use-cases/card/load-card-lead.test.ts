import example from '../../../examples/agreement.json';
import type { ScoredCard } from '../../../src/contracts/card';
import { AppError } from '../../../src/domain/app-error';
import { LEAD_DELETED_STAGE } from '../../../src/domain/lead-stages';
import type { Store } from '../../../src/store/create-store';
import type { CardLeadLookups } from '../../../src/use-cases/card/card-lead';
import { loadCard } from '../../../src/use-cases/card/load-card';
import { scoreNow } from '../../../src/use-cases/card/score-now';
import { storeCardPorts } from '../../../src/composition/store-card-ports';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { approveAgreement, DIRECTOR, NOW } from './card-seed';

const PORTAL = '3004';
const clock = { now: () => NOW };
const config = { hubspot: { accessToken: undefined, portalId: undefined } } as never;
const HANDOFF = {
  contactId: DIRECTOR.id,
  handoffAt: NOW,
  name: 'Director of IT (A2)',
  ownerId: '201',
  teamId: null,
  companyId: null,
  grade: 'A2',
  route: 'field_sales',
  reasons: 'A2 (score 76, Sales-ready)',
};
/** HubSpot's owners and lead pipeline as a portal has them: its admin renamed "Connected" to "In talks". */
const HUBSPOT: CardLeadLookups = {
  ownerNames: async () => ({ names: new Map([['201', 'Aiko Sato']]), status: { source: 'hubspot' } }),
  leadStageLabels: async () =>
    new Map([
      ['new-stage-id', 'New'],
      ['attempting-stage-id', 'Attempting'],
      ['connected-stage-id', 'In talks'],
    ]),
};

describe.each(ENGINE_FACTORIES)("the card's Lead on %s", (_engine, make) => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    await store.installations.connect(PORTAL, null, [], NOW);
    await store.contacts.upsertMany(PORTAL, [DIRECTOR], NOW);
    await approveAgreement(store, PORTAL, example);
    await scoreNow(storeCardPorts(store, config, clock), { portalId: PORTAL, objectId: DIRECTOR.id });
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const card = async (lookups?: CardLeadLookups) =>
    (await loadCard(storeCardPorts(store, config, clock, lookups), {
      portalId: PORTAL,
      objectId: DIRECTOR.id,
    })) as ScoredCard;
  /** Lead Pact created the Lead in HubSpot (id 9001) and HubSpot answered with its stage. */
  const created = async (stage: string) => {
    const [claimed] = await store.leads.claimDue(PORTAL, NOW, 10, 60_000);
    await store.leads.markSynced(PORTAL, claimed!, '9001', stage, NOW);
  };

  it('When the contact was never handed over as a Lead (Leads off), then the card has no Lead', async () => {
    expect(await card(HUBSPOT)).not.toHaveProperty('lead');
  });

  it('When the Lead is not in HubSpot yet, then the card says it is being created, owned by the named rep', async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    expect((await card(HUBSPOT)).lead).toEqual({
      leadId: null,
      name: 'Director of IT (A2)',
      wanted: 'open',
      stage: null,
      deleted: false,
      owner: { id: '201', name: 'Aiko Sato' },
      pending: 'create',
      failed: null,
      disqualification: null,
      handedOverAt: '2026-11-27T09:00:00.000Z',
    });
  });

  it("When HubSpot has the Lead at a default stage, then the card leaves the stage's name to the rep's language", async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    await created('new-stage-id');
    expect((await card(HUBSPOT)).lead).toMatchObject({
      leadId: '9001',
      stage: { id: 'new-stage-id', label: null },
      pending: null,
    });
  });

  it('When a rep moved the Lead to a stage the portal renamed, then the card shows the portal’s own name', async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    await created('new-stage-id');
    await store.leads.recordStage(PORTAL, '9001', 'connected-stage-id', NOW, {
      byRep: true,
      converted: false,
    });
    expect((await card(HUBSPOT)).lead?.stage).toEqual({ id: 'connected-stage-id', label: 'In talks' });
  });

  it('When someone deleted the Lead in HubSpot, then the card says so and has no stage for it', async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    await created('new-stage-id');
    await store.leads.recordStage(PORTAL, '9001', LEAD_DELETED_STAGE, NOW, {
      byRep: false,
      converted: false,
    });
    expect((await card(HUBSPOT)).lead).toMatchObject({ leadId: '9001', deleted: true, stage: null });
  });

  it('When the rep accepted and the move is not sent yet, then the card says so', async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    await created('new-stage-id');
    await store.leads.close(PORTAL, DIRECTOR.id, 'accepted', null, null, NOW);
    expect((await card(HUBSPOT)).lead).toMatchObject({ wanted: 'accepted', pending: 'accept' });
  });

  it('When the rep rejected it, then the card shows the Lead being disqualified with the reason and the words', async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    await created('new-stage-id');
    await store.leads.close(PORTAL, DIRECTOR.id, 'disqualified', 'rejected', 'Only five seats', NOW);
    expect((await card(HUBSPOT)).lead).toMatchObject({
      wanted: 'disqualified',
      pending: 'disqualify',
      disqualification: { reason: 'rejected', note: 'Only five seats' },
    });
  });

  it('When HubSpot refused to create the Lead, then the card shows its message', async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    const [claimed] = await store.leads.claimDue(PORTAL, NOW, 10, 60_000);
    const refusal = 'Property values were not valid: INVALID_OWNER_ID';
    await store.leads.markRejected(PORTAL, claimed!, refusal, NOW);
    expect((await card(HUBSPOT)).lead).toMatchObject({ leadId: null, pending: null, failed: refusal });
  });

  it('When HubSpot cannot name the owner or the stages, then the card still shows the Lead, with ids', async () => {
    await store.leads.open(PORTAL, HANDOFF, NOW);
    await created('1234567');
    const down: CardLeadLookups = {
      ownerNames: async () => {
        throw new AppError('upstream_failed', 'HubSpot is down');
      },
      leadStageLabels: async () => {
        throw new AppError('forbidden', 'missing crm.objects.leads.read');
      },
    };
    expect((await card(down)).lead).toMatchObject({
      owner: { id: '201', name: null },
      stage: { id: '1234567', label: null },
    });
    expect((await card()).lead).toMatchObject({ owner: { id: '201', name: null } });
  });
});
