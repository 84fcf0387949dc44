import type { CompanyEvent, ContactEvent, WebhookEvent } from '../../../src/hubspot/webhook-events';
import { databaseOf, type Store } from '../../../src/store/create-store';
import { processInbox } from '../../../src/use-cases/intake/process-inbox';
import { SYNC_DEBOUNCE_MS } from '../../../src/use-cases/intake/queue-syncs';
import { receiveWebhookEvents } from '../../../src/use-cases/intake/receive-webhook-events';
import { ENGINE_FACTORIES, openTestStore, type TestDatabase } from '../../store/test-databases';
import { applyExampleAgreement } from '../apply-example-agreement';

const PORTAL = '62515';
const NOW = Date.UTC(2026, 10, 27);
let seq = 0;

function event(
  kind: ContactEvent['kind'],
  contactId: string,
  extra: Partial<ContactEvent> = {},
): ContactEvent {
  seq += 1;
  return {
    eventId: `e${seq}`,
    portalId: Number(PORTAL),
    occurredAt: NOW - 1000 + seq,
    kind,
    contactId,
    ...extra,
  };
}
const changed = (contactId: string, propertyName: string, propertyValue: string) =>
  event('property_changed', contactId, { propertyName, propertyValue });
function companyChanged(companyId: string, propertyName?: string, propertyValue?: string): CompanyEvent {
  seq += 1;
  const base = { eventId: `e${seq}`, portalId: Number(PORTAL), occurredAt: NOW - 1000 + seq };
  return {
    ...base,
    kind: 'company_changed',
    companyId,
    ...(propertyName ? { propertyName, propertyValue } : {}),
  };
}

describe.each(ENGINE_FACTORIES)('processInbox on %s', (_engine, make) => {
  let store: Store;
  let database: TestDatabase;

  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    await applyExampleAgreement(store, PORTAL, NOW);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  const receive = (events: WebhookEvent[]) => receiveWebhookEvents(store, events, { now: NOW });
  const run = () => processInbox(store, PORTAL, { now: () => NOW });
  const syncJobs = async () =>
    (await store.jobs.list({ type: 'sync-contacts', limit: 1000 })).map(
      (j) => j.payload as { contactIds: string[] },
    );
  const fanOuts = async () =>
    (await store.jobs.list({ type: 'sync-company-contacts', limit: 1000 })).map(
      (j) => j.payload as { companyIds: string[] },
    );

  it('When a signal property changes, then the history keeps it with when it happened; other properties are not kept', async () => {
    const quote = changed('51', 'recent_conversion_event_name', '見積依頼');
    await receive([quote, changed('51', 'firstname', 'Ken')]);
    await run();
    const history = await store.signals.forContacts(PORTAL, ['51']);
    expect(history.get('51')).toEqual([
      { property: 'recent_conversion_event_name', value: '見積依頼', at: quote.occurredAt },
    ]);
    expect(await store.inbox.pending(PORTAL, 1)).toEqual([]);
  });

  it('When 250 contacts change, then they are queued for sync in batches of at most 100, each once', async () => {
    await receive(Array.from({ length: 250 }, (_, i) => event('created', String(1000 + i))));
    await receive([changed('1000', 'jobtitle', 'CEO')]);
    await run();
    const batches = await syncJobs();
    expect(batches.map((b) => b.contactIds.length).sort()).toEqual([100, 100, 50]);
    expect(new Set(batches.flatMap((b) => b.contactIds)).size).toBe(250);
  });

  it('When more events arrive about a contact still waiting for its sync, then it is not queued again and a new contact joins that sync; once it has started, a contact is queued again', async () => {
    await receive([changed('51', 'jobtitle', 'CEO'), changed('52', 'jobtitle', 'CTO')]);
    await run();
    await receive([changed('51', 'firstname', 'Ken'), changed('53', 'jobtitle', 'CFO')]);
    await run();
    expect(await syncJobs()).toEqual([expect.objectContaining({ contactIds: ['51', '52', '53'] })]);
    // A sync waits a moment for the rest of a burst, then runs.
    expect(await store.jobs.lease('w', NOW, 30_000, ['sync-contacts'])).toBeUndefined();
    const started = await store.jobs.lease('w', NOW + SYNC_DEBOUNCE_MS, 30_000, ['sync-contacts']);
    expect(started?.payload).toMatchObject({ contactIds: ['51', '52', '53'] });
    await receive([changed('51', 'lastname', 'Sato')]);
    await run();
    expect((await syncJobs())[0]).toMatchObject({ contactIds: ['51'] });
  });

  it('When 250 contacts change one delivery at a time, then their syncs still read full batches of 100', async () => {
    for (let i = 0; i < 25; i++) {
      await receive(
        Array.from({ length: 10 }, (_, k) => changed(String(1000 + i * 10 + k), 'jobtitle', 'VP')),
      );
      await run();
    }
    const batches = await syncJobs();
    expect(batches.map((b) => b.contactIds.length).sort()).toEqual([100, 100, 50]);
    expect(new Set(batches.flatMap((b) => b.contactIds)).size).toBe(250);
  });

  it('When a contact is deleted, then its snapshot and unsent writes go and it is not synced', async () => {
    await store.contacts.upsertMany(
      PORTAL,
      [{ id: '51', properties: { jobtitle: 'CEO' }, company: null }],
      NOW,
    );
    await store.outbox.enqueueMany(
      PORTAL,
      [{ contactId: '51', properties: { lead_pact_tier: 'nurture' } }],
      NOW,
    );
    await receive([changed('51', 'jobtitle', 'CEO'), event('deleted', '51')]);
    await run();
    expect(await store.contacts.get(PORTAL, '51')).toBeUndefined();
    expect(await store.outbox.get(PORTAL, '51')).toBeUndefined();
    expect(await syncJobs()).toEqual([]);
  });

  it('When two contacts are merged, then the merged-away one is dropped and the survivor is synced', async () => {
    await store.contacts.upsertMany(PORTAL, [{ id: '52', properties: {}, company: null }], NOW);
    await receive([event('merged', '51', { mergedIds: ['52'] })]);
    await run();
    expect(await store.contacts.get(PORTAL, '52')).toBeUndefined();
    expect((await syncJobs()).flatMap((b) => b.contactIds)).toEqual(['51']);
  });

  it('When a privacy deletion arrives, then the contact history and its stored events are gone', async () => {
    await receive([
      changed('51', 'recent_conversion_event_name', '見積依頼'),
      changed('53', 'recent_conversion_event_name', '見積依頼'),
    ]);
    await run();
    await receive([event('privacy_deleted', '51')]);
    const result = await run();
    expect(result.forgotten).toBe(1);
    const history = await store.signals.forContacts(PORTAL, ['51', '53']);
    expect([...history.keys()]).toEqual(['53']);
    const rows = await databaseOf(store).db.selectFrom('webhook_inbox').select('payload').execute();
    expect(rows.some((r) => r.payload.includes('"contactId":"51"'))).toBe(false);
    expect(rows.some((r) => r.payload.includes('"contactId":"53"'))).toBe(true);
  });
  it('When a company property the agreement reads changes (and HubSpot retries the delivery), then the company is queued once for a walk through its contacts, after the burst', async () => {
    // The example agreement reads company.numberofemployees and company.industry; HubSpot sends one event each.
    const size = companyChanged('7002', 'numberofemployees', '1500');
    await receive([
      size,
      companyChanged('7002', 'industry', 'MACHINERY'),
      companyChanged('7003', 'numberofemployees', '20'),
    ]);
    // HubSpot retries a delivery it saw no 200 for: the same eventId is stored once.
    expect(await receive([{ ...size }])).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await run()).toMatchObject({ processed: 3, companiesQueued: 2, queuedForSync: 0 });
    expect(await fanOuts()).toEqual([{ portalId: PORTAL, companyIds: ['7002', '7003'] }]);
    const [job] = await store.jobs.list({ type: 'sync-company-contacts' });
    expect(job?.runAt).toBe(NOW + SYNC_DEBOUNCE_MS);
    await receive([companyChanged('7002', 'numberofemployees', '1600')]);
    await run();
    expect(await fanOuts()).toHaveLength(1);
  });

  it('When a company property no agreement rule reads changes, then nothing is queued; a restored company is', async () => {
    await receive([companyChanged('7002', 'name', 'Maker KK'), companyChanged('7004')]);
    expect(await run()).toMatchObject({ processed: 2, companiesQueued: 1 });
    expect(await fanOuts()).toEqual([{ portalId: PORTAL, companyIds: ['7004'] }]);
    expect(await store.inbox.pending(PORTAL, 1)).toEqual([]);
  });

  it('When a contact is associated with another company or restored, then it is queued for a sync (once for both sides of the association)', async () => {
    await receive([
      event('association_changed', '51', { companyId: '7002', associationRemoved: false }),
      event('association_changed', '51', { companyId: '7002', associationRemoved: false }),
      event('restored', '56'),
    ]);
    expect(await run()).toMatchObject({ processed: 3, queuedForSync: 2 });
    expect((await syncJobs()).flatMap((b) => b.contactIds)).toEqual(['51', '56']);
  });
});
