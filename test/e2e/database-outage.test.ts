import { expectedVerdict, NO_QUOTE, QUOTE, agreement, type Profile } from './e2e-agreement';
import { PORTAL, signed, startWorld, waitFor, type E2eWorld } from './e2e-processes';
import { cutPostgres, restorePostgres } from '../store/database-outages';
import { tempPostgres, type TestDatabase } from '../store/test-databases';

// `lead-pact serve` (web and worker in one process, as the review ran it) on a PostgreSQL database of the
// test's own, which is taken away under load and given back: the shared server keeps running.
jest.setTimeout(180_000);

const CONTACTS = 300;
const EVENTS_PER_DELIVERY = 10;
const ids = Array.from({ length: CONTACTS }, (_, i) => String(i + 1));
const TITLES: Profile['jobtitle'][] = ['Director of Sales', 'Sales Manager', 'Engineer'];
const profile = (id: string): Profile => ({ jobtitle: TITLES[Number(id) % 3]!, quote: Number(id) % 2 === 0 });

/** Each contact's title changes twice (an earlier title, then its final one) and then its last conversion. */
function deliveries(): string[] {
  const events: Record<string, unknown>[] = [];
  const rounds: [string, (id: string) => string][] = [
    ['jobtitle', () => 'Intern'],
    ['jobtitle', (id) => profile(id).jobtitle],
    ['recent_conversion_event_name', (id) => (profile(id).quote ? QUOTE : NO_QUOTE)],
  ];
  for (const [propertyName, value] of rounds)
    for (const id of ids)
      events.push({
        eventId: events.length + 1,
        subscriptionId: 4401,
        portalId: PORTAL,
        appId: 456789,
        occurredAt: Date.now() - 60_000 + events.length,
        subscriptionType: 'object.propertyChange',
        attemptNumber: 0,
        objectId: Number(id),
        objectTypeId: '0-1',
        changeSource: 'CRM',
        propertyName,
        propertyValue: value(id),
      });
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_DELIVERY)
    bodies.push(JSON.stringify(events.slice(i, i + EVENTS_PER_DELIVERY)));
  return bodies;
}

let world: E2eWorld;
let database: TestDatabase;
beforeAll(async () => {
  database = await tempPostgres();
  world = await startWorld({
    seed: { contacts: ids.map((id) => ({ id, properties: { jobtitle: 'Intern' } })), companies: [] },
    agreement,
    databaseUrl: database.options.databaseUrl,
  });
});
afterAll(async () => {
  if (database) await restorePostgres(database.options.databaseUrl!);
  await world?.stop();
  await database?.drop();
});

it('When its PostgreSQL database goes away under a webhook burst and comes back, then the service stays up, says why it is not ready, refuses with 503, and afterwards every contact is written with its final state', async () => {
  const url = world.serviceUrl;
  // The first import has scored everyone an Intern; now people edit every contact in HubSpot, and HubSpot
  // tells the service about each change: only those deliveries can bring the new verdicts (the safety net is
  // 15 minutes away).
  await world.idle(120_000);
  for (const id of ids) {
    const properties = {
      jobtitle: profile(id).jobtitle,
      recent_conversion_event_name: profile(id).quote ? QUOTE : NO_QUOTE,
    };
    expect((await world.admin('POST', `/__standin/contacts/${id}`, { properties })).status).toBe(200);
  }
  const bodies = deliveries();
  const refused: string[] = [];
  const deliver = async (body: string) => {
    const res = await world.deliver(body, signed(body));
    if (res.status !== 200) refused.push(body); // HubSpot retries a delivery that was not answered 200
    return res.status;
  };
  // A third arrives while the database is there, and the worker is busy syncing and writing them back.
  for (const body of bodies.slice(0, 30)) expect(await deliver(body)).toBe(200);

  await cutPostgres(database.options.databaseUrl!);
  const during = await Promise.all(bodies.slice(30, 60).map(deliver));
  expect(during.filter((status) => status !== 503 && status !== 200)).toEqual([]);
  expect(during.filter((status) => status === 503).length).toBeGreaterThan(0);
  const ready = await waitFor(async () => {
    const res = await fetch(`${url}/readyz`);
    return res.status === 503 ? ((await res.json()) as { checks: unknown[] }) : undefined;
  }, '/readyz to answer 503');
  expect(ready.checks[0]).toEqual({
    name: 'database',
    ok: false,
    message: 'The database is unavailable: the database is not accepting connections.',
  });
  // The worker meets the outage for a few seconds, backing off; the process answers all along.
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  }
  expect((await fetch(`${url}/metrics`)).status).toBe(200);

  await restorePostgres(database.options.databaseUrl!);
  await waitFor(
    async () => ((await fetch(`${url}/readyz`)).status === 200 ? true : undefined),
    'ready again',
  );
  for (const body of bodies.slice(60)) await deliver(body);
  const retried = refused.splice(0);
  for (const body of retried) expect(await deliver(body)).toBe(200);
  await world.idle(120_000);

  const wrong: string[] = [];
  for (const id of ids) {
    const { properties } = await world.standin<{ properties: Record<string, string> }>(
      `/__standin/contacts/${id}`,
    );
    if (Object.entries(expectedVerdict(profile(id))).some(([name, value]) => properties[name] !== value))
      wrong.push(id);
  }
  expect(wrong).toEqual([]);
  expect((await world.store.outbox.counts(String(PORTAL))).pending).toBe(0);
  expect((await world.store.jobs.list({ status: 'dead' })).map((j) => `${j.type}: ${j.lastError}`)).toEqual(
    [],
  );
  // The tail of what the service printed: warnings only, no error, no crash.
  const output = await world.diagnostics();
  expect(output).not.toMatch(/unhandled|uncaught|"level":(50|60)/i);
});
