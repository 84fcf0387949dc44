import { LEAD_DELETED_STAGE } from '../../../src/domain/lead-stages';
import type { HubSpotContact } from '../../../src/hubspot/hubspot-gateway';
import { parseWebhookEvents } from '../../../src/hubspot/webhook-events';
import type { Store } from '../../../src/store/create-store';
import { processInbox } from '../../../src/use-cases/intake/process-inbox';
import { receiveWebhookEvents } from '../../../src/use-cases/intake/receive-webhook-events';
import { loadJob, storeAndQualify } from '../../../src/use-cases/intake/sync-contacts';
import { domainEngine } from '../../../src/use-cases/rescore/domain-engine';
import { WRITE_BACK_JOB } from '../../../src/use-cases/write-back/enqueue-write-back';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { activate, agreementWith } from '../rescore/rescore-fixtures';

const PORTAL = '62515';
/** The app HubSpot delivers the events to: Lead Pact. */
const APP_ID = 456789;
const HANDED_AT = Date.UTC(2026, 10, 23, 1);
const NOW = Date.UTC(2026, 10, 27);
let seq = 0;

/** A lead event as HubSpot posts it (generic format, object type 0-136). */
function leadEvent(
  leadId: string,
  change:
    | { stage: string; by: 'rep' | 'lead-pact' | 'workflow' }
    | { reason: string; by: 'rep' | 'lead-pact' | 'workflow' }
    | { deleted: true; by: 'rep' | 'lead-pact' | 'workflow' },
  occurredAt: number,
) {
  seq += 1;
  const source = {
    rep: { changeSource: 'CRM_UI', sourceId: 'userId:98499705' },
    'lead-pact': { changeSource: 'INTEGRATION', sourceId: String(APP_ID) },
    workflow: { changeSource: 'AUTOMATION_PLATFORM' },
  }[change.by];
  return {
    eventId: 3000 + seq,
    subscriptionId: 7662301,
    portalId: Number(PORTAL),
    appId: APP_ID,
    occurredAt,
    attemptNumber: 0,
    objectId: Number(leadId),
    objectTypeId: '0-136',
    ...('deleted' in change
      ? { subscriptionType: 'object.deletion', changeFlag: 'DELETED' }
      : {
          subscriptionType: 'object.propertyChange',
          ...('stage' in change
            ? { propertyName: 'hs_pipeline_stage', propertyValue: change.stage }
            : { propertyName: 'hs_lead_disqualification_reason', propertyValue: change.reason }),
          isSensitive: false,
        }),
    ...source,
  };
}

describe.each(ENGINE_FACTORIES)('lead webhooks through the inbox on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;

  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  /** A contact handed over as a Lead that HubSpot created with `leadId`, in the new stage. */
  async function handedOver(contactId: string, leadId: string) {
    const handoff = {
      contactId,
      handoffAt: HANDED_AT,
      name: `Contact ${contactId} (A1)`,
      ownerId: '101',
      companyId: null,
      grade: 'A1',
      route: 'field_sales',
      reasons: 'Fit A, intent 1',
    };
    expect(await store.leads.open(PORTAL, handoff, HANDED_AT)).toBe(true);
    const [row] = await store.leads.claimDue(PORTAL, HANDED_AT, 10, 60_000);
    await store.leads.markSynced(PORTAL, row!, leadId, 'new-stage-id', HANDED_AT + 1000);
  }
  const deliver = async (body: unknown[]) => {
    const { events } = parseWebhookEvents(body);
    await receiveWebhookEvents(store, events, { now: NOW });
    return processInbox(store, PORTAL, { now: () => NOW });
  };

  it("When a rep moves a handed-over Lead on in HubSpot, then its stage is kept and the move is its first touch; a later move keeps the first touch's time", async () => {
    await handedOver('51', '90001');
    const touched = HANDED_AT + 3_600_000;
    const result = await deliver([leadEvent('90001', { stage: 'attempting-stage-id', by: 'rep' }, touched)]);
    expect(result).toMatchObject({ processed: 1, leadEvents: 1, unknownLeads: 0, queuedForSync: 0 });
    expect(await store.leads.byLeadId(PORTAL, '90001')).toMatchObject({
      contactId: '51',
      hubspotStage: 'attempting-stage-id',
      workedAt: touched,
      convertedAt: null,
    });
    await deliver([leadEvent('90001', { stage: 'connected-stage-id', by: 'rep' }, touched + 60_000)]);
    expect(await store.leads.byLeadId(PORTAL, '90001')).toMatchObject({
      hubspotStage: 'connected-stage-id',
      workedAt: touched,
    });
  });

  it('When only Lead Pact itself moves the Lead (its own API write), then the stage is kept but nobody has worked it', async () => {
    await handedOver('51', '90001');
    await deliver([leadEvent('90001', { stage: 'attempting-stage-id', by: 'lead-pact' }, HANDED_AT + 5000)]);
    expect(await store.leads.byLeadId(PORTAL, '90001')).toMatchObject({
      hubspotStage: 'attempting-stage-id',
      workedAt: null,
    });
  });

  it('When a rep moves the Lead back to the new stage, then that is no touch', async () => {
    await handedOver('51', '90001');
    await deliver([leadEvent('90001', { stage: 'new-stage-id', by: 'rep' }, HANDED_AT + 5000)]);
    expect(await store.leads.byLeadId(PORTAL, '90001')).toMatchObject({ workedAt: null });
  });

  it('When the Lead reaches the qualified stage (here by a workflow), then it is converted and worked', async () => {
    await handedOver('51', '90001');
    const at = HANDED_AT + 86_400_000;
    await deliver([leadEvent('90001', { stage: 'qualified-stage-id', by: 'workflow' }, at)]);
    expect(await store.leads.byLeadId(PORTAL, '90001')).toMatchObject({
      hubspotStage: 'qualified-stage-id',
      convertedAt: at,
      workedAt: at,
    });
  });

  it('When an event is about a Lead Lead Pact did not hand over, then it is counted and ignored, and nothing is queued', async () => {
    await handedOver('51', '90001');
    const result = await deliver([
      leadEvent('77777', { stage: 'attempting-stage-id', by: 'rep' }, HANDED_AT + 5000),
      leadEvent('77777', { deleted: true, by: 'rep' }, HANDED_AT + 6000),
    ]);
    expect(result).toMatchObject({ processed: 2, leadEvents: 0, unknownLeads: 2, queuedForSync: 0 });
    expect(await store.leads.byLeadId(PORTAL, '77777')).toBeUndefined();
    expect(await store.leads.byLeadId(PORTAL, '90001')).toMatchObject({ hubspotStage: 'new-stage-id' });
    expect(await store.jobs.list({ type: 'sync-contacts', limit: 100 })).toEqual([]);
    expect(await store.inbox.pending(PORTAL, 10)).toEqual([]);
  });

  it('When a rep deletes the Lead in HubSpot, then the handoff says so and the deletion is no touch', async () => {
    await handedOver('51', '90001');
    await deliver([leadEvent('90001', { deleted: true, by: 'rep' }, HANDED_AT + 5000)]);
    expect(await store.leads.latest(PORTAL, '51')).toMatchObject({
      leadId: '90001',
      hubspotStage: LEAD_DELETED_STAGE,
      workedAt: null,
    });
  });

  /** Contact `id`, synced sales-ready (A2) at HANDED_AT under an agreement that creates Leads, its Lead `leadId` created. */
  async function salesReadyWithLead(id: string, leadId: string) {
    await activate(store, PORTAL, {
      ...agreementWith(),
      handoff: { salesReady: ['A1', 'A2', 'B1'], createLeads: true },
    });
    const contact: HubSpotContact = {
      id,
      properties: {
        firstname: 'Aiko',
        lastname: 'Sato',
        jobtitle: 'Director of IT',
        lifecyclestage: 'marketingqualifiedlead',
        recent_conversion_event_name: 'Get a quote',
        recent_conversion_date: String(HANDED_AT - 86_400_000),
      },
      company: { hs_object_id: '9001', numberofemployees: '1200', industry: 'COMPUTER_SOFTWARE' },
      companyId: '9001',
    };
    const job = await loadJob({ store, engine: domainEngine, now: () => HANDED_AT }, PORTAL);
    await store.transaction((tx) => storeAndQualify(tx, job!, [contact]));
    expect(await store.qualifications.get(PORTAL, id)).toMatchObject({ tier: 'sales_ready' });
    const [row] = await store.leads.claimDue(PORTAL, HANDED_AT, 10, 60_000);
    await store.leads.markSynced(PORTAL, row!, leadId, 'new-stage-id', HANDED_AT + 1000);
  }
  const queued = async (type: string) =>
    (await store.jobs.list({ type, portalId: PORTAL, status: 'queued', limit: 10 })).length;

  it('When a rep disqualifies the Lead in the prospecting workspace with a reason, then Lead Pact records it like a rejection on the card: the Lead closes with the reason rep_in_hubspot, the contact is recycled with a verdict (other, HubSpot’s reason in the note), and it may come back with a new Lead', async () => {
    await salesReadyWithLead('61', '90061');
    const at = HANDED_AT + 3_600_000;
    // HubSpot sends one event per subscribed property the rep's update changed, the reason beside the stage.
    const result = await deliver([
      leadEvent('90061', { stage: 'unqualified-stage-id', by: 'rep' }, at),
      leadEvent('90061', { reason: 'NOT_A_GOOD_FIT', by: 'rep' }, at),
    ]);
    expect(result).toMatchObject({ processed: 2, leadEvents: 2, unknownLeads: 0 });
    const note = 'Disqualified in HubSpot: NOT_A_GOOD_FIT';
    expect(await store.leads.latest(PORTAL, '61')).toMatchObject({
      leadId: '90061',
      wanted: 'disqualified',
      reason: 'rep_in_hubspot',
      reasonNote: note,
      hubspotStage: 'unqualified-stage-id',
      workedAt: at,
      status: 'synced',
    });
    expect(await store.leads.openFor(PORTAL, '61')).toBeUndefined();
    // Nothing to send to the Lead: HubSpot already has it.
    expect(await store.leads.claimDue(PORTAL, NOW, 10, 60_000)).toEqual([]);
    expect(await store.qualifications.get(PORTAL, '61')).toMatchObject({
      tier: 'recycled',
      tierReason: 'recycled',
      recycledAt: at,
    });
    expect(await store.verdicts.forContact(PORTAL, '61')).toEqual([
      { contactId: '61', userId: '98499705', verdict: 'rejected', reason: 'other', note, at },
    ]);
    expect((await store.outbox.get(PORTAL, '61'))?.properties).toMatchObject({
      lead_pact_verdict: 'rejected',
      lead_pact_reject_reason: 'other',
      lead_pact_tier: 'recycled',
    });
    // The write-back that takes the verdict to the contact waits.
    expect(await queued(WRITE_BACK_JOB)).toBe(1);
    // The same events delivered again change nothing; the contact may come back later with a new Lead.
    await deliver([leadEvent('90061', { stage: 'unqualified-stage-id', by: 'rep' }, at)]);
    expect(await store.verdicts.forContact(PORTAL, '61')).toHaveLength(1);
    const back = {
      ...{ contactId: '61', handoffAt: NOW, name: 'Aiko Sato · A2', ownerId: null, companyId: '9001' },
      ...{ grade: 'A2', route: 'field_sales', reasons: 'fits' },
    };
    expect(await store.leads.open(PORTAL, back, NOW)).toBe(true);
  });

  it('When the reason event comes before the stage event, then the note still has it; without one, the note says only that it was disqualified in HubSpot', async () => {
    await salesReadyWithLead('62', '90062');
    await deliver([
      leadEvent('90062', { reason: 'BAD_TIMING', by: 'rep' }, HANDED_AT + 5000),
      leadEvent('90062', { stage: 'unqualified-stage-id', by: 'rep' }, HANDED_AT + 5000),
    ]);
    expect(await store.leads.latest(PORTAL, '62')).toMatchObject({
      reason: 'rep_in_hubspot',
      reasonNote: 'Disqualified in HubSpot: BAD_TIMING',
    });
    await salesReadyWithLead('63', '90063');
    await deliver([leadEvent('90063', { stage: 'unqualified-stage-id', by: 'workflow' }, HANDED_AT + 6000)]);
    expect(await store.leads.latest(PORTAL, '63')).toMatchObject({
      reason: 'rep_in_hubspot',
      reasonNote: 'Disqualified in HubSpot',
    });
    expect(await store.verdicts.forContact(PORTAL, '63')).toEqual([
      expect.objectContaining({ userId: 'hubspot', reason: 'other', note: 'Disqualified in HubSpot' }),
    ]);
  });

  it('When Lead Pact itself disqualified the Lead (its own write comes back), then no rejection is recorded', async () => {
    await salesReadyWithLead('64', '90064');
    await store.leads.close(PORTAL, '64', 'disqualified', 'sla_no_touch', null, HANDED_AT + 1000);
    await deliver([
      leadEvent('90064', { stage: 'unqualified-stage-id', by: 'lead-pact' }, HANDED_AT + 2000),
      leadEvent('90064', { reason: 'NO_RESPONSE', by: 'lead-pact' }, HANDED_AT + 2000),
    ]);
    expect(await store.leads.latest(PORTAL, '64')).toMatchObject({ reason: 'sla_no_touch' });
    expect(await store.verdicts.forContact(PORTAL, '64')).toEqual([]);
    expect(await store.qualifications.get(PORTAL, '64')).toMatchObject({ tier: 'sales_ready' });
  });

  it('When a rep deletes a Lead whose disqualification Lead Pact has yet to send, then its handoff closes, nothing more is sent to it, and the contact may get a new Lead', async () => {
    await salesReadyWithLead('65', '90065');
    await store.leads.close(PORTAL, '65', 'accepted', null, null, HANDED_AT + 1000);
    await deliver([leadEvent('90065', { deleted: true, by: 'rep' }, HANDED_AT + 2000)]);
    expect(await store.leads.latest(PORTAL, '65')).toMatchObject({
      hubspotStage: LEAD_DELETED_STAGE,
      status: 'synced',
    });
    expect(await store.leads.claimDue(PORTAL, NOW, 10, 60_000)).toEqual([]);
    expect(await store.leads.openFor(PORTAL, '65')).toBeUndefined();
    // Deleting is no verdict: the contact stays sales-ready.
    expect(await store.qualifications.get(PORTAL, '65')).toMatchObject({ tier: 'sales_ready' });
    const back = {
      ...{ contactId: '65', handoffAt: NOW, name: 'Aiko Sato · A2', ownerId: null, companyId: '9001' },
      ...{ grade: 'A2', route: 'field_sales', reasons: 'fits' },
    };
    expect(await store.leads.open(PORTAL, back, NOW)).toBe(true);
  });
});
