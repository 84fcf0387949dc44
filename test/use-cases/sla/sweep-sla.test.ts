import { parseWebhookEvents } from '../../../src/hubspot/webhook-events';
import { createStore, type Store } from '../../../src/store/create-store';
import { processInbox } from '../../../src/use-cases/intake/process-inbox';
import { receiveWebhookEvents } from '../../../src/use-cases/intake/receive-webhook-events';
import { loadReportInput } from '../../../src/use-cases/report/load-report-input';
import { monthlyReport } from '../../../src/use-cases/report/monthly-report';
import { sweepSla } from '../../../src/use-cases/sla/sweep-sla';
import { tempPostgres, tempSqlite, type TestDatabase } from '../../store/test-databases';
import { activate, agreementWith } from '../rescore/rescore-fixtures';
import { salesReadyLead } from '../sales-ready-lead';

const PORTAL = '777';
/** Friday 27 November 2026, 10:00 UTC: due at the end of Tuesday 1 December (2 business days). */
const FRIDAY = Date.parse('2026-11-27T10:00:00.000Z');
const DUE = Date.parse('2026-12-01T23:59:59.999Z');
const at = (iso: string) => Date.parse(iso);

const salesReady = (contactId: string) => salesReadyLead(contactId, FRIDAY);

describe.each(['sqlite', 'postgres'] as const)('sweepSla on %s', (engine) => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = engine === 'sqlite' ? tempSqlite() : await tempPostgres();
    store = await createStore(db.options);
    const body = agreementWith();
    await activate(store, PORTAL, {
      ...body,
      sla: { firstTouchBusinessDays: 2, progressDays: 30, timezone: 'UTC', holidays: [] },
    });
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
  });

  async function lead(id: string, properties: Record<string, string> = {}) {
    await store.contacts.upsertMany(
      PORTAL,
      [{ id, properties: { lifecyclestage: 'marketingqualifiedlead', ...properties } }],
      FRIDAY,
    );
    await store.qualifications.upsertMany(PORTAL, [salesReady(id)], FRIDAY);
  }
  const outboxOf = async (id: string) => (await store.outbox.get(PORTAL, id))?.properties;

  /** The lead was handed over as HubSpot Lead `leadId` when it qualified (createLeads on), in the new stage. */
  async function handedAsLead(contactId: string, leadId: string) {
    const handoff = {
      contactId,
      handoffAt: FRIDAY,
      name: `Contact ${contactId} (A1)`,
      ownerId: '101',
      companyId: null,
      grade: 'A1',
      route: 'inside_sales',
      reasons: 'fits',
    };
    await store.leads.open(PORTAL, handoff, FRIDAY);
    const [row] = await store.leads.claimDue(PORTAL, FRIDAY, 10, 60_000);
    await store.leads.markSynced(PORTAL, row!, leadId, 'new-stage-id', FRIDAY + 1000);
  }
  /** HubSpot reports the Lead's stage change (Lead Pact is app 456789): by a rep in HubSpot, or Lead Pact's own write. */
  async function leadMoved(leadId: string, stage: string, by: 'rep' | 'lead-pact', iso: string) {
    const source =
      by === 'rep'
        ? { changeSource: 'CRM_UI', sourceId: 'userId:98499705' }
        : { changeSource: 'INTEGRATION', sourceId: '456789' };
    const body = [
      {
        eventId: Date.parse(iso),
        subscriptionId: 1,
        portalId: Number(PORTAL),
        appId: 456789,
        occurredAt: Date.parse(iso),
        subscriptionType: 'object.propertyChange',
        attemptNumber: 0,
        objectId: Number(leadId),
        objectTypeId: '0-136',
        propertyName: 'hs_pipeline_stage',
        propertyValue: stage,
        isSensitive: false,
        ...source,
      },
    ];
    await receiveWebhookEvents(store, parseWebhookEvents(body).events, { now: Date.parse(iso) });
    await processInbox(store, PORTAL, { now: () => Date.parse(iso) });
  }

  it('When no sales activity is logged but a rep moved the Lead to attempting on Monday, then the first touch is met, and a recycle later says no progress (not never touched)', async () => {
    await lead('5');
    await handedAsLead('5', '90005');
    await leadMoved('90005', 'attempting-stage-id', 'rep', '2026-11-30T08:00:00.000Z');

    await sweepSla(store, PORTAL, at('2026-12-02T00:30:00Z'));
    expect(await outboxOf('5')).toMatchObject({ lead_pact_sla_status: 'met' });
    expect(await store.qualifications.get(PORTAL, '5')).toMatchObject({ slaStatus: 'met' });

    const later = at('2026-12-28T10:00:01Z');
    await sweepSla(store, PORTAL, later);
    expect(await outboxOf('5')).toMatchObject({ lead_pact_tier: 'recycled' });
    const source = (portal: string, month: string, now: number) => loadReportInput(store, portal, month, now);
    const report = await monthlyReport({ source, now: () => later }, PORTAL, '2026-12');
    expect(report.recycled.byCause).toEqual([
      { cause: 'sla_no_touch', count: 0 },
      { cause: 'sla_no_progress', count: 1 },
      { cause: 'rejected', count: 0 },
    ]);
  });

  it('When only Lead Pact itself moved the Lead (accepted on the card), then no rep touched it and the SLA is breached on Wednesday', async () => {
    await lead('6');
    await handedAsLead('6', '90006');
    await leadMoved('90006', 'attempting-stage-id', 'lead-pact', '2026-11-30T08:00:00.000Z');

    const result = await sweepSla(store, PORTAL, at('2026-12-02T00:30:00Z'));
    expect(result).toMatchObject({ breached: 1 });
    expect(await outboxOf('6')).toMatchObject({ lead_pact_sla_status: 'breached' });
  });

  it('When a rep moved the Lead on only after the deadline, then the first touch came late: breached', async () => {
    await lead('7');
    await handedAsLead('7', '90007');
    await leadMoved('90007', 'connected-stage-id', 'rep', '2026-12-02T09:00:00.000Z');

    await sweepSla(store, PORTAL, at('2026-12-02T10:00:00Z'));
    expect(await outboxOf('7')).toMatchObject({ lead_pact_sla_status: 'breached' });
  });

  it('When a lead qualified on Friday is untouched, then it stays on track over the weekend and is breached on Wednesday', async () => {
    await lead('1');

    await sweepSla(store, PORTAL, at('2026-11-28T12:00:00Z'));
    expect(await outboxOf('1')).toEqual({
      lead_pact_follow_up_due: String(DUE),
      lead_pact_sla_status: 'on_track',
    });
    const revision = (await store.outbox.get(PORTAL, '1'))?.revision;
    await sweepSla(store, PORTAL, at('2026-11-30T12:00:00Z'));
    expect((await store.outbox.get(PORTAL, '1'))?.revision).toBe(revision);

    const result = await sweepSla(store, PORTAL, at('2026-12-02T00:30:00Z'));
    expect(result).toMatchObject({ checked: 1, changed: 1, breached: 1, recycled: 0 });
    expect(await outboxOf('1')).toMatchObject({ lead_pact_sla_status: 'breached' });
    expect(await store.qualifications.get(PORTAL, '1')).toMatchObject({
      slaStatus: 'breached',
      followUpDue: DUE,
    });
  });

  it('When sales logged a touch on Monday, then the SLA is met and stays met', async () => {
    await lead('2', { notes_last_contacted: '2026-11-30T08:00:00.000Z' });

    await sweepSla(store, PORTAL, at('2026-11-30T09:00:00Z'));
    await sweepSla(store, PORTAL, at('2026-12-03T09:00:00Z'));

    expect(await outboxOf('2')).toMatchObject({ lead_pact_sla_status: 'met' });
    expect(await store.qualifications.get(PORTAL, '2')).toMatchObject({ slaStatus: 'met' });
  });

  it('When a lead made no progress within progressDays, then it is recycled and the outbox holds tier=recycled', async () => {
    await lead('3', { notes_last_contacted: '2026-11-30T08:00:00.000Z' });
    await lead('4', { notes_last_contacted: '2026-11-30T08:00:00.000Z', lifecyclestage: 'opportunity' });
    const later = at('2026-12-28T10:00:01Z');

    const result = await sweepSla(store, PORTAL, later);

    expect(result.recycled).toBe(1);
    expect(await outboxOf('3')).toMatchObject({ lead_pact_tier: 'recycled' });
    expect(await outboxOf('4')).not.toHaveProperty('lead_pact_tier');
    expect(await store.qualifications.get(PORTAL, '3')).toMatchObject({
      tier: 'recycled',
      recycledAt: later,
      tierReason: 'recycled',
    });
    const [job] = await store.jobs.list({ type: 'write-back', portalId: PORTAL });
    expect(job?.status).toBe('queued');
  });
});
