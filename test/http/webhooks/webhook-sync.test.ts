import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { applyAgreement } from '../../../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../../../src/use-cases/agreements/store-ports';
import { contactEvent, PORTAL, startTestService, type TestService } from './webhook-service';
import { databaseOf } from '../../../src/store/create-store';

const API = 'https://hubspot-api.test';
const DAY = 86_400_000;
const CONTACT = '51';
let t: TestService;

/** HubSpot's batch read, association and company answers for contact 51 with `properties`. */
function hubspotServes(properties: Record<string, string>): void {
  nock(API)
    .persist()
    .post('/crm/v3/objects/contacts/batch/read')
    .query(true)
    .reply(200, {
      status: 'COMPLETE',
      results: [
        {
          id: CONTACT,
          properties: { hs_object_id: CONTACT, lastmodifieddate: new Date().toISOString(), ...properties },
          createdAt: '2026-10-01T08:00:00.000Z',
          updatedAt: new Date().toISOString(),
          archived: false,
        },
      ],
    })
    .post('/crm/v4/associations/contacts/companies/batch/read')
    .query(true)
    .reply(200, {
      status: 'COMPLETE',
      results: [
        {
          from: { id: CONTACT },
          to: [
            {
              toObjectId: 7002,
              associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }],
            },
          ],
        },
      ],
    })
    .post('/crm/v3/objects/contacts/batch/update')
    .query(true)
    .reply(200, (_uri, body) => ({
      status: 'COMPLETE',
      results: (body as { inputs: { id: string; properties: Record<string, string> }[] }).inputs.map((i) => ({
        id: i.id,
        properties: i.properties,
        createdAt: '2026-10-01T08:00:00.000Z',
        updatedAt: new Date().toISOString(),
        archived: false,
      })),
    }))
    .post('/crm/v3/objects/companies/batch/read')
    .query(true)
    .reply(200, {
      status: 'COMPLETE',
      results: [
        {
          id: '7002',
          properties: { hs_object_id: '7002', numberofemployees: '1200', industry: 'MACHINERY' },
          createdAt: '2025-04-01T00:00:00.000Z',
          updatedAt: '2026-11-20T00:00:00.000Z',
          archived: false,
        },
      ],
    });
}

async function eventually<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  const jobs = await t.store.jobs.list();
  const summary = jobs.map((j) => `${j.type}:${j.status}:${j.lastError ?? ''}`).join('\n');
  throw new Error(`timed out waiting for ${what}; jobs:\n${summary}`);
}

const quoteAt = (at: number) =>
  contactEvent('object.propertyChange', Number(CONTACT), {
    propertyName: 'recent_conversion_event_name',
    propertyValue: '見積依頼',
    occurredAt: at,
  });

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/(127\.0\.0\.1|localhost)/);
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

beforeEach(async () => {
  t = await startTestService('all', { HUBSPOT_API_BASE_URL: API });
  const body: unknown = JSON.parse(readFileSync(join(__dirname, '../../../examples/agreement.json'), 'utf8'));
  const ports = storeAgreementPorts(t.store, {
    userTeams: { teamIdsOf: async () => [] },
    clock: { now: Date.now },
  });
  await applyAgreement(ports, {
    portalId: String(PORTAL),
    body,
    proposedBy: 'mika@maker.example',
    approvedBy: 'ken@maker.example',
  });
});

afterEach(async () => {
  await t.stop();
  nock.cleanAll();
});

const outbox = () => eventually(() => t.store.outbox.get(String(PORTAL), CONTACT), 'the outbox row');

describe('a signed webhook for a changed contact', () => {
  it('When a director at a 1,200-person maker asks for a quote, then exactly the verdict properties go to the outbox', async () => {
    const now = Date.now();
    hubspotServes({
      jobtitle: '営業部長',
      recent_conversion_event_name: '見積依頼',
      recent_conversion_date: String(now - DAY),
      lifecyclestage: 'lead',
    });
    expect((await t.post(JSON.stringify([quoteAt(now - DAY)]))).status).toBe(200);
    const row = await outbox();
    expect(Object.keys(row.properties).sort()).toEqual([
      'lead_pact_agreement_version',
      'lead_pact_follow_up_due',
      'lead_pact_grade',
      'lead_pact_qualified_at',
      'lead_pact_reasons',
      'lead_pact_route',
      'lead_pact_score',
      'lead_pact_sla_status',
      'lead_pact_stage',
      'lead_pact_tier',
    ]);
    expect(row.properties).toMatchObject({
      lead_pact_tier: 'sales_ready',
      lead_pact_grade: 'A2',
      lead_pact_stage: 'decision',
      lead_pact_route: 'field_sales',
      lead_pact_sla_status: 'on_track',
      lead_pact_agreement_version: '1',
    });
  });

  it('When two quote requests arrive, then both count and the contact is hotter than after one', async () => {
    const now = Date.now();
    hubspotServes({
      jobtitle: '営業部長',
      recent_conversion_event_name: '見積依頼',
      recent_conversion_date: String(now - DAY),
      lifecyclestage: 'lead',
    });
    await t.post(JSON.stringify([quoteAt(now - 5 * DAY), quoteAt(now - DAY)]));
    const row = await outbox();
    expect(row.properties.lead_pact_grade).toBe('A1');
  });

  it('When HubSpot sends a privacy deletion, then nothing about the contact is left', async () => {
    const now = Date.now();
    hubspotServes({
      jobtitle: '営業部長',
      recent_conversion_event_name: '見積依頼',
      recent_conversion_date: String(now - DAY),
      lifecyclestage: 'lead',
    });
    await t.post(JSON.stringify([quoteAt(now - 5 * DAY), quoteAt(now - DAY)]));
    await outbox();
    await t.post(JSON.stringify([contactEvent('object.privacyDeletion', Number(CONTACT))]));
    const portal = String(PORTAL);
    await eventually(
      async () => ((await t.store.contacts.get(portal, CONTACT)) ? undefined : true),
      'the forgetting',
    );
    await eventually(
      async () => ((await t.store.inbox.pending(portal, 1)).length === 0 ? true : undefined),
      'an empty inbox',
    );
    expect(await t.store.outbox.get(portal, CONTACT)).toBeUndefined();
    expect(await t.store.qualifications.get(portal, CONTACT)).toBeUndefined();
    expect((await t.store.signals.forContacts(portal, [CONTACT])).size).toBe(0);
    expect(await t.store.qualifications.history(portal, CONTACT)).toHaveLength(0);
    const inboxRows = await databaseOf(t.store).db.selectFrom('webhook_inbox').select('payload').execute();
    expect(inboxRows.filter((r) => r.payload.includes(`"${CONTACT}"`))).toHaveLength(0);
  });
});
