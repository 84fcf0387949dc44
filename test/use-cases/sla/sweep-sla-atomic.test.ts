import { createStore, type Store } from '../../../src/store/create-store';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { sweepSla } from '../../../src/use-cases/sla/sweep-sla';
import { failInsertsFor, injectedFailure } from '../../store/fail-inserts-for';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { activate, agreementWith } from '../rescore/rescore-fixtures';
import { salesReadyLead } from '../sales-ready-lead';

const PORTAL = '779';
/** Friday 27 November 2026, 10:00 UTC: qualified then and never touched, these leads are recycled after 27 December. */
const QUALIFIED = Date.parse('2026-11-27T10:00:00Z');
const SWEPT = Date.parse('2026-12-28T10:00:01Z');
const LEADS = ['a', 'b', 'c', 'd'];
/** Two contacts per page: 'a' and 'b' commit before the page of 'c' and 'd' fails. */
const PAGE_SIZE = 2;

const salesReady = (contactId: string) => salesReadyLead(contactId, QUALIFIED);

describe.each(ENGINE_FACTORIES)('an SLA sweep cut short on %s', (_engine, make) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await make();
    store = await createStore(database.options);
    await activate(store, PORTAL, {
      ...agreementWith(),
      sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'UTC', holidays: [] },
    });
    const contacts = LEADS.map((id) => ({ id, properties: { lifecyclestage: 'marketingqualifiedlead' } }));
    await store.contacts.upsertMany(PORTAL, contacts, QUALIFIED);
    await store.qualifications.upsertMany(PORTAL, LEADS.map(salesReady), QUALIFIED);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const historyOf = async (id: string) => store.qualifications.history(PORTAL, id);
  const recycledByCause = async () => {
    const source = (portal: string, month: string, now: number) => loadReportInput(store, portal, month, now);
    return (await monthlyReport({ source, now: () => SWEPT }, PORTAL, '2026-12')).recycled;
  };
  const noTouch = (count: number) => ({
    total: count,
    byCause: [
      { cause: 'sla_no_touch', count },
      { cause: 'sla_no_progress', count: 0 },
      { cause: 'rejected', count: 0 },
    ],
  });

  it.each(['qualification_history', 'outbox'] as const)(
    'When writing to %s fails for one contact, then its page is left as it was and the next sweep recycles it once',
    async (table) => {
      const heal = await failInsertsFor(store, table, 'c');

      await expect(sweepSla(store, PORTAL, SWEPT, PAGE_SIZE)).rejects.toMatchObject(injectedFailure());

      for (const id of ['c', 'd']) {
        expect(await store.qualifications.get(PORTAL, id)).toMatchObject({
          tier: 'sales_ready',
          slaStatus: null,
          followUpDue: null,
          recycledAt: null,
        });
        expect(await historyOf(id)).toEqual([]);
        expect(await store.outbox.get(PORTAL, id)).toBeUndefined();
      }
      expect(await store.qualifications.get(PORTAL, 'a')).toMatchObject({ tier: 'recycled' });
      expect(await recycledByCause()).toEqual(noTouch(2));
      const revisionOfA = (await store.outbox.get(PORTAL, 'a'))?.revision;

      await heal();
      const rerun = await sweepSla(store, PORTAL, SWEPT, PAGE_SIZE);
      const again = await sweepSla(store, PORTAL, SWEPT, PAGE_SIZE);

      expect(rerun).toEqual({ checked: 2, changed: 2, breached: 2, recycled: 2 });
      expect(again).toEqual({ checked: 0, changed: 0, breached: 0, recycled: 0 });
      for (const id of LEADS) {
        expect(await store.qualifications.get(PORTAL, id)).toMatchObject({
          tier: 'recycled',
          slaStatus: 'breached',
        });
        expect(await historyOf(id)).toHaveLength(1);
        expect((await store.outbox.get(PORTAL, id))?.properties).toMatchObject({
          lead_pact_tier: 'recycled',
          lead_pact_sla_status: 'breached',
        });
      }
      expect((await store.outbox.get(PORTAL, 'a'))?.revision).toBe(revisionOfA);
      expect(await recycledByCause()).toEqual(noTouch(4));
      const [writeBack] = await store.jobs.list({ type: 'write-back', portalId: PORTAL });
      expect(writeBack?.status).toBe('queued');
    },
  );

  it('When two sweeps run at once, then each lead is recycled and recorded once', async () => {
    const results = await Promise.all([
      sweepSla(store, PORTAL, SWEPT, PAGE_SIZE),
      sweepSla(store, PORTAL, SWEPT, PAGE_SIZE),
    ]);

    expect(results[0]!.recycled + results[1]!.recycled).toBe(LEADS.length);
    for (const id of LEADS) expect(await historyOf(id)).toHaveLength(1);
    expect(await recycledByCause()).toEqual(noTouch(4));
  });
});
