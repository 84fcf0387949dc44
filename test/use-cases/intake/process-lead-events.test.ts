import { LEAD_DELETED_STAGE } from '../../../src/domain/lead-stages';
import { parseWebhookEvents } from '../../../src/hubspot/webhook-events';
import type { Store } from '../../../src/store/create-store';
import { processInbox } from '../../../src/use-cases/intake/process-inbox';
import { receiveWebhookEvents } from '../../../src/use-cases/intake/receive-webhook-events';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';

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
          propertyName: 'hs_pipeline_stage',
          propertyValue: change.stage,
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
});
