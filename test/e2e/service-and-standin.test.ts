import { agreement, expectedVerdict, NO_QUOTE, QUOTE } from './e2e-agreement';
import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';
import { PORTAL, signed, startWorld, WEBHOOK_URL, type E2eWorld } from './e2e-processes';
import { databaseOf } from '../../src/store/create-store';

// Two real processes: the HubSpot stand-in and `lead-pact serve`, over a temporary SQLite data directory.
jest.setTimeout(120_000);

const FIVE_MINUTES = 5 * 60_000;
let world: E2eWorld;
let nextEventId = 1;
/** Batch updates of the start-up import (every seeded contact graded once), before any test's own. */
let importUpdates = 0;

const seedContact = (id: string) => ({
  id,
  properties: { jobtitle: 'Engineer', recent_conversion_event_name: NO_QUOTE },
});

/** HubSpot's generic-format property change events for one contact. */
function changes(contactId: string, properties: Record<string, string>) {
  return Object.entries(properties).map(([propertyName, propertyValue]) => ({
    eventId: nextEventId++,
    subscriptionId: 4401,
    portalId: PORTAL,
    appId: 456789,
    occurredAt: Date.now(),
    subscriptionType: 'object.propertyChange',
    attemptNumber: 0,
    objectId: Number(contactId),
    objectTypeId: '0-1',
    changeSource: 'CRM',
    propertyName,
    propertyValue,
  }));
}

/** A user edits the contact in HubSpot (the stand-in sends no webhook itself: the test delivers them). */
async function edit(contactId: string, properties: Record<string, string>) {
  const answer = await world.admin('POST', `/__standin/contacts/${contactId}`, { properties });
  expect(answer.status).toBe(200);
}

/** Successful batch updates that wrote `contactId`, with the properties it got. */
async function writesOf(contactId: string) {
  return (await world.updates())
    .slice(importUpdates)
    .filter((u) => u.status === 200 || u.status === 207)
    .flatMap((u) => u.inputs.filter((i) => i.id === contactId));
}

/** Every CRM request the stand-in saw from `since` on that named `contactId`. */
async function callsAbout(contactId: string, since: number) {
  return (await world.requests()).slice(since).filter((r) => r.ids?.includes(contactId));
}

/** A good delivery for `marker`, then idle: whatever the deliveries before it caused has happened by then. */
async function settleWith(marker: string) {
  await edit(marker, { jobtitle: 'Sales Manager' });
  const body = JSON.stringify(changes(marker, { jobtitle: 'Sales Manager' }));
  expect((await world.deliver(body, signed(body))).status).toBe(200);
  await world.idle();
  expect(await writesOf(marker)).toHaveLength(1);
}

beforeAll(async () => {
  world = await startWorld({
    seed: { contacts: ['101', '102', '103', '901', '902'].map(seedContact), companies: [] },
    agreement,
  });
  await world.idle();
  importUpdates = (await world.updates()).length;
});
afterAll(async () => {
  await world?.stop();
});

describe('the service and the HubSpot stand-in as separate processes', () => {
  it('When a signed webhook says a contact changed, then exactly one batch update writes exactly its verdict properties', async () => {
    const before = Date.now();
    const change = { jobtitle: 'Director of Sales', recent_conversion_event_name: QUOTE };
    await edit('101', change);
    const body = JSON.stringify(changes('101', change));
    const answer = await world.deliver(body, signed(body));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ stored: 2, duplicates: 0 });
    await world.idle();

    const writes = await writesOf('101');
    expect(writes).toHaveLength(1);
    const written = writes[0]!.properties;
    // The start-up import wrote the contact's first verdict (version 1 included): only what changed follows.
    expect(Object.keys(written).sort()).toEqual([
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
    const onContact = { lead_pact_agreement_version: '1', ...written }; // the version came with the import's write
    expect(onContact).toMatchObject({
      ...expectedVerdict({ jobtitle: 'Director of Sales', quote: true }),
      lead_pact_tier: 'sales_ready',
      lead_pact_grade: 'A1',
      lead_pact_score: '80',
      lead_pact_sla_status: 'on_track',
    });
    expect(written.lead_pact_reasons).toMatch(/^A1 \(score 80, /);
    expect(written.lead_pact_reasons).toContain("Role 'Director of Sales' (+70)");
    expect(written.lead_pact_reasons).toContain('Asked for a quote (+60)');
    const qualifiedAt = Number(written.lead_pact_qualified_at);
    expect(qualifiedAt).toBeGreaterThanOrEqual(before);
    expect(qualifiedAt).toBeLessThanOrEqual(Date.now());
    // Two business days later, so at least two calendar days.
    expect(Number(written.lead_pact_follow_up_due)).toBeGreaterThanOrEqual(qualifiedAt + 2 * 86_400_000);

    const stored = await world.standin<{ properties: Record<string, string> }>('/__standin/contacts/101');
    expect(stored.properties).toMatchObject(written);
  });

  it('When a delivery is unsigned, tampered with, signed with another secret or stale (a replay after the 5-minute window), then it gets 401, nothing is stored and HubSpot is not called', async () => {
    await edit('102', { jobtitle: 'Director of Sales', recent_conversion_event_name: QUOTE });
    const body = JSON.stringify(changes('102', { jobtitle: 'Director of Sales' }));
    const since = (await world.requests()).length;
    const { 'x-hubspot-signature-v3': _signature, ...unsigned } = signed(body);
    const tampered = body.replace('Director of Sales', 'Director of Everything');
    const otherSecret = signHubSpotRequest({
      clientSecret: 'not-our-secret',
      method: 'POST',
      url: WEBHOOK_URL,
      body,
    });
    const stale = signed(body, Date.now() - FIVE_MINUTES - 1_000);
    const answers = [
      await world.deliver(body, unsigned),
      await world.deliver(body, { 'content-type': 'application/json' }),
      await world.deliver(tampered, signed(body)),
      await world.deliver(body, otherSecret),
      await world.deliver(body, stale),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);

    await settleWith('901');
    expect(await callsAbout('102', since)).toEqual([]);
    expect(await writesOf('102')).toEqual([]);
    const stored = await databaseOf(world.store).db.selectFrom('webhook_inbox').select('payload').execute();
    expect(stored.filter((row) => row.payload.includes('"contactId":"102"'))).toEqual([]);
  });

  it('When a signed delivery is replayed within the 5-minute window, then it is accepted (200) as a duplicate and causes no second write', async () => {
    const change = { jobtitle: 'Director of Sales', recent_conversion_event_name: QUOTE };
    await edit('103', change);
    const body = JSON.stringify(changes('103', change));
    const headers = signed(body);
    expect((await world.deliver(body, headers)).status).toBe(200);
    await world.idle();
    expect(await writesOf('103')).toHaveLength(1);

    const since = (await world.requests()).length;
    const replay = await world.deliver(body, headers);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ stored: 0, duplicates: 2 });
    // HubSpot's own retry re-signs the same events later: deduplicated the same way.
    const retried = body.replaceAll('"attemptNumber":0', '"attemptNumber":1');
    expect(await (await world.deliver(retried, signed(retried))).json()).toMatchObject({
      stored: 0,
      duplicates: 2,
    });

    await settleWith('902');
    expect(await callsAbout('103', since)).toEqual([]);
    expect(await writesOf('103')).toHaveLength(1);
  });
});
