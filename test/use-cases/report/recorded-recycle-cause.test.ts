import { createStore, type Store } from '../../../src/store/create-store';
import { recordVerdict } from '../../../src/use-cases/card/record-verdict';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { sweepSla } from '../../../src/use-cases/sla/sweep-sla';
import { ENGINE_FACTORIES, type TestDatabase } from '../../store/test-databases';
import { activate, agreementWith } from '../rescore/rescore-fixtures';
import { salesReadyLead } from '../sales-ready-lead';

const PORTAL = '778';
/** Friday 27 November 2026, 10:00 UTC: every lead here qualified then; progressDays 30 ends 27 December. */
const QUALIFIED = Date.parse('2026-11-27T10:00:00Z');
const REJECTED = Date.parse('2026-12-03T09:00:00Z');
const SWEPT = Date.parse('2026-12-28T10:00:01Z');

const salesReady = (contactId: string) => salesReadyLead(contactId, QUALIFIED);

describe.each(ENGINE_FACTORIES)('recycle causes recorded when recycling, on %s', (_engine, make) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await make();
    store = await createStore(database.options);
    await activate(store, PORTAL, {
      ...agreementWith(),
      sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'UTC', holidays: [] },
    });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  async function lead(id: string, properties: Record<string, string> = {}) {
    await store.contacts.upsertMany(
      PORTAL,
      [{ id, properties: { lifecyclestage: 'marketingqualifiedlead', ...properties } }],
      QUALIFIED,
    );
    await store.qualifications.upsertMany(PORTAL, [salesReady(id)], QUALIFIED);
  }

  it('When the sweep and a rep recycle leads, then December counts each under the cause recorded with it', async () => {
    await lead('untouched');
    await lead('touched', { notes_last_contacted: '2026-11-30T08:00:00.000Z' });
    await lead('rejected');
    await recordVerdict(
      { store, clock: { now: () => REJECTED } },
      {
        portalId: PORTAL,
        userId: '601',
        request: { objectId: 'rejected', verdict: 'rejected', reason: 'not_ready' },
      },
    );
    // Recycled before causes were recorded: no cause stored, SLA met -> derived as no progress.
    await store.qualifications.appendHistory(
      PORTAL,
      [{ ...salesReady('older'), tier: 'recycled', slaStatus: 'met', recycledAt: REJECTED }],
      REJECTED,
    );

    const swept = await sweepSla(store, PORTAL, SWEPT);

    expect(swept.recycled).toBe(2);
    const report = await monthlyReport(
      { source: (portal, month, now) => loadReportInput(store, portal, month, now), now: () => SWEPT },
      PORTAL,
      '2026-12',
    );
    expect(report.recycled).toEqual({
      total: 4,
      byCause: [
        { cause: 'sla_no_touch', count: 1 },
        { cause: 'sla_no_progress', count: 2 },
        { cause: 'rejected', count: 1 },
      ],
    });
  });

  it('When a stored cause disagrees with what the touches suggest, then the stored cause counts', async () => {
    // Touched before recycling, which derivation would call "no progress"; the sweep recorded "no touch".
    await lead('late-note', { notes_last_contacted: '2027-01-05T08:00:00.000Z' });
    await store.qualifications.updateSla(
      PORTAL,
      'late-note',
      { tier: 'recycled', recycledAt: Date.parse('2027-01-10T00:00:00Z') },
      0,
    );
    await store.qualifications.recordInHistory(
      PORTAL,
      'late-note',
      Date.parse('2027-01-10T00:00:00Z'),
      'sla_no_touch',
    );
    const report = await monthlyReport(
      { source: (portal, month, now) => loadReportInput(store, portal, month, now), now: () => SWEPT },
      PORTAL,
      '2027-01',
    );
    expect(report.recycled.byCause).toContainEqual({ cause: 'sla_no_touch', count: 1 });
    expect(report.recycled.total).toBe(1);
  });

  it('When the sweep finds a lead untouched past its deadline, then the report counts the breach for the month it was handed over', async () => {
    const portal = '779';
    await activate(store, portal, {
      ...agreementWith(),
      sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'UTC', holidays: [] },
    });
    await store.contacts.upsertMany(
      portal,
      [{ id: 'unanswered', properties: { lifecyclestage: 'marketingqualifiedlead' } }],
      QUALIFIED,
    );
    await store.qualifications.upsertMany(portal, [salesReady('unanswered')], QUALIFIED);
    await store.qualifications.appendHistory(portal, [salesReady('unanswered')], QUALIFIED);

    // Qualified Friday 27 November: two business days end Tuesday 1 December; swept Wednesday, long before recycling.
    const swept = await sweepSla(store, portal, Date.parse('2026-12-02T10:00:00Z'));

    expect(swept).toMatchObject({ breached: 1, recycled: 0 });
    const report = await monthlyReport(
      {
        source: (p, month, now) => loadReportInput(store, p, month, now),
        now: () => Date.parse('2026-12-02T11:00:00Z'),
      },
      portal,
      '2026-11',
    );
    expect(report.followUp.total.handed).toBe(1);
    expect(report.followUp.total.breaches).toBe(1);
  });
});
