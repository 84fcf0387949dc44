import { fixture } from '../../hubspot/fixture';
import { contactEvent, PORTAL, SECRET, startTestService, type TestService } from './webhook-service';
import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import { processInbox } from '../../../src/use-cases/intake/process-inbox';

let t: TestService;

beforeEach(async () => {
  t = await startTestService('web');
});

afterEach(async () => {
  await t.stop();
});

const stored = () => t.store.inbox.pending(String(PORTAL), 10_000);
const processJobs = () => t.store.jobs.list({ type: 'process-inbox' });

describe('POST /webhooks/hubspot', () => {
  it('When HubSpot posts a signed delivery, then every contact event is stored before the 200 and one job is queued', async () => {
    const body = JSON.stringify(fixture<unknown[]>('webhook-events-generic'));
    const res = await t.post(body);
    expect(res.status).toBe(200);
    const events = await stored();
    expect(events.length).toBeGreaterThan(0);
    // Every event stored is the portal's (and waits to be processed).
    expect(await res.json()).toMatchObject({ stored: events.length });
    expect(new Set(events.map((e) => String(e.event.portalId)))).toEqual(new Set([String(PORTAL)]));
    expect(await processJobs()).toHaveLength(1);
  });

  it('When the same event is delivered twice, then it is stored once', async () => {
    const body = JSON.stringify([contactEvent('object.creation', 77)]);
    expect((await t.post(body)).status).toBe(200);
    const again = await t.post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await stored()).toHaveLength(1);
  });

  it('When a burst of deliveries arrives, then only one processing job waits per portal', async () => {
    for (let i = 0; i < 5; i++) await t.post(JSON.stringify([contactEvent('object.creation', 100 + i)]));
    expect(await stored()).toHaveLength(5);
    expect(await processJobs()).toHaveLength(1);
  });

  it.each([
    ['unsigned', () => ({ 'content-type': 'application/json' })],
    [
      'signed with another secret',
      (body: string) =>
        signHubSpotRequest({
          clientSecret: 'not-the-secret',
          method: 'POST',
          url: 'https://leadpact.example.com/webhooks/hubspot',
          body,
        }),
    ],
    [
      'tampered after signing',
      (body: string) =>
        signHubSpotRequest({
          clientSecret: SECRET,
          method: 'POST',
          url: 'https://leadpact.example.com/webhooks/hubspot',
          body: body.replace('77', '78'),
        }),
    ],
  ])('When a delivery is %s, then it gets 401 and nothing is stored', async (_name, headers) => {
    const body = JSON.stringify([contactEvent('object.creation', 77)]);
    const res = await t.post(body, headers(body));
    expect(res.status).toBe(401);
    expect(await stored()).toHaveLength(0);
    expect(await processJobs()).toHaveLength(0);
  });

  it('When a delivery was signed more than 5 minutes ago, then it gets 401 and nothing is stored', async () => {
    const body = JSON.stringify([contactEvent('object.creation', 77)]);
    const res = await t.post(body, undefined, Date.now() - 6 * 60_000);
    expect(res.status).toBe(401);
    expect(await stored()).toHaveLength(0);
  });

  it('When a signed body is not a list of events, then it gets 400 naming the field and nothing is stored', async () => {
    const body = JSON.stringify([contactEvent('object.creation', 77), { eventId: 'x' }]);
    const res = await t.post(body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { details: { path: string }[] } };
    expect(answer.error.details.map((d) => d.path)).toContain('[1].eventId');
    expect(await stored()).toHaveLength(0);
  });

  it('When an event is for a portal this service does not serve, then it is not stored', async () => {
    const body = JSON.stringify([contactEvent('object.creation', 77, { portalId: 999 })]);
    const res = await t.post(body);
    expect(res.status).toBe(200);
    expect(await stored()).toHaveLength(0);
  });

  it('When a delivery arrives while a backlog of 10,000 events drains in the same process, then it is answered before the drain ends', async () => {
    const backlog = Array.from({ length: 10_000 }, (_, i) => ({
      portalId: String(PORTAL),
      eventId: `backlog-${i}`,
      payload: {
        eventId: `backlog-${i}`,
        portalId: PORTAL,
        occurredAt: 1,
        kind: 'created' as const,
        contactId: String(i),
      },
    }));
    await t.store.inbox.add(backlog, Date.now());
    const order: string[] = [];
    const drain = processInbox(t.store, String(PORTAL)).then((r) => order.push(`drained ${r.processed}`));
    const delivery = t.post(JSON.stringify([contactEvent('object.creation', 77)]));
    const answer = delivery.then((res) => order.push(`answered ${res.status}`));
    await Promise.all([drain, answer]);
    expect(order).toEqual(['answered 200', expect.stringMatching(/^drained \d+$/)]);
  });
});
