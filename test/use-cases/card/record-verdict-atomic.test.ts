import { createStore, type Store } from '../../../src/store/create-store';
import { recordVerdict } from '../../../src/use-cases/card/record-verdict';
import { failInsertsFor, injectedFailure } from '../../store/fail-inserts-for';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { salesReadyLead } from '../sales-ready-lead';

const PORTAL = '780';
const QUALIFIED = Date.parse('2026-11-27T10:00:00Z');
const REJECTED = Date.parse('2026-12-03T09:00:00Z');
const LEAD = '42';

const salesReady = salesReadyLead(LEAD, QUALIFIED, { slaStatus: 'on_track' });

describe.each(ENGINE_FACTORIES)('a rep rejection on %s', (_engine, make) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await make();
    store = await createStore(database.options);
    await store.qualifications.upsertMany(PORTAL, [salesReady], QUALIFIED);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const reject = () =>
    recordVerdict(
      { store, clock: { now: () => REJECTED } },
      {
        portalId: PORTAL,
        userId: '601',
        request: { objectId: LEAD, verdict: 'rejected', reason: 'not_ready' },
      },
    );

  it.each(['qualification_history', 'outbox'] as const)(
    'When writing to %s fails, then the lead is left sales-ready with no verdict, and a retry recycles it once',
    async (table) => {
      const heal = await failInsertsFor(store, table, LEAD);

      await expect(reject()).rejects.toMatchObject(injectedFailure());

      expect(await store.qualifications.get(PORTAL, LEAD)).toMatchObject({
        tier: 'sales_ready',
        recycledAt: null,
      });
      expect(await store.verdicts.forContact(PORTAL, LEAD)).toEqual([]);
      expect(await store.qualifications.history(PORTAL, LEAD)).toEqual([]);
      expect(await store.outbox.get(PORTAL, LEAD)).toBeUndefined();

      await heal();
      await reject();
      await reject();

      expect(await store.qualifications.get(PORTAL, LEAD)).toMatchObject({
        tier: 'recycled',
        recycledAt: REJECTED,
      });
      expect(await store.verdicts.forContact(PORTAL, LEAD)).toHaveLength(1);
      expect(await store.qualifications.history(PORTAL, LEAD)).toHaveLength(1);
      expect((await store.outbox.get(PORTAL, LEAD))?.properties).toMatchObject({
        lead_pact_tier: 'recycled',
      });
    },
  );

  it('When a rep rejects a lead, then a write-back job is queued so HubSpot workflows see the recycle', async () => {
    await reject();

    const [writeBack] = await store.jobs.list({ type: 'write-back', portalId: PORTAL });
    expect(writeBack).toMatchObject({ status: 'queued', runAt: REJECTED });
  });

  it('When hubspot.fetch delivers the rejection twice (same request id), then the copy changes nothing', async () => {
    const requestKey = { portalId: PORTAL, userId: '601', route: 'card.verdict', requestId: 'req-reject-1' };
    const retried = () =>
      recordVerdict(
        { store, clock: { now: () => REJECTED } },
        {
          portalId: PORTAL,
          userId: '601',
          request: { objectId: LEAD, verdict: 'rejected', reason: 'not_ready' },
          requestKey,
        },
      );

    const answers = await Promise.all([retried(), retried()]);
    answers.push(await retried());

    expect(answers).toEqual(Array(3).fill({ objectId: LEAD, verdict: 'rejected', tier: 'recycled' }));
    expect(await store.verdicts.forContact(PORTAL, LEAD)).toHaveLength(1);
    expect(await store.qualifications.history(PORTAL, LEAD)).toHaveLength(1);
    expect(await store.jobs.list({ type: 'write-back', portalId: PORTAL })).toHaveLength(1);
  });

  it('When a rep clicks reject twice at once, then the lead is recycled and recorded once', async () => {
    await Promise.all([reject(), reject(), reject()]);

    expect(await store.verdicts.forContact(PORTAL, LEAD)).toHaveLength(1);
    expect(await store.qualifications.history(PORTAL, LEAD)).toHaveLength(1);
  });
});
