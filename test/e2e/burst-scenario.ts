import { expectedVerdict, NO_QUOTE, QUOTE, type Profile } from './e2e-agreement';
import { PORTAL, signed, type E2eWorld } from './e2e-processes';

const CONTACTS = 1_000;
const EVENTS_PER_CONTACT = 10;
const EVENTS_PER_DELIVERY = 100;
const DELIVERIES_AT_ONCE = 4;
const TITLES: Profile['jobtitle'][] = ['Director of Sales', 'Sales Manager', 'Engineer'];
/** Titles a contact had on the way to its final one (HubSpot reports each change). */
const EARLIER_TITLES = [
  'Intern',
  'Analyst',
  'Consultant',
  'Team Lead',
  'Architect',
  'Designer',
  'Buyer',
  'Planner',
];

export const ids = Array.from({ length: CONTACTS }, (_, i) => String(i + 1));
const profile = (id: string): Profile => ({
  jobtitle: TITLES[Number(id) % TITLES.length]!,
  quote: Number(id) % 2 === 0,
});
export const finalProperties = (id: string) => ({
  jobtitle: profile(id).jobtitle,
  recent_conversion_event_name: profile(id).quote ? QUOTE : NO_QUOTE,
});

/**
 * Ten events per contact, interleaved round by round across all contacts (the worst order for batching):
 * eight earlier titles, the final title, then the final conversion.
 */
function burst(): Array<Record<string, unknown>> {
  const events: Array<Record<string, unknown>> = [];
  for (let round = 0; round < EVENTS_PER_CONTACT; round++) {
    for (const id of ids) {
      const [propertyName, propertyValue] =
        round < EARLIER_TITLES.length
          ? ['jobtitle', EARLIER_TITLES[round]!]
          : round === EARLIER_TITLES.length
            ? ['jobtitle', finalProperties(id).jobtitle]
            : ['recent_conversion_event_name', finalProperties(id).recent_conversion_event_name];
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
        changeSource: 'IMPORT',
        propertyName,
        propertyValue,
      });
    }
  }
  return events;
}

/** Sends the deliveries a few at a time, as HubSpot does; resolves with the answers' bodies. */
async function deliverAll(
  world: E2eWorld,
  bodies: string[],
): Promise<Array<{ status: number; stored: number }>> {
  const answers: Array<{ status: number; stored: number }> = [];
  for (let i = 0; i < bodies.length; i += DELIVERIES_AT_ONCE) {
    const group = bodies.slice(i, i + DELIVERIES_AT_ONCE);
    for (const response of await Promise.all(group.map((body) => world.deliver(body, signed(body))))) {
      const { stored } = (await response.json()) as { stored: number };
      answers.push({ status: response.status, stored });
    }
  }
  return answers;
}

/**
 * The burst: sets the stand-in's failure plan, delivers 10,000 signed events (100 per delivery, a few at a
 * time), waits for the service to be idle, and checks that every contact was written exactly once, with the
 * verdict of its final state, while some batch updates were answered 429 and 503.
 */
export async function burstEndsWithOneWritePerContact(world: E2eWorld): Promise<void> {
  const plan = await world.admin('PUT', '/__standin/failures', {
    rules: [
      { status: 503, every: 4, path: '/contacts/batch/update' },
      { status: 429, every: 5, path: '/contacts/batch/update' },
      { status: 503, every: 6, path: '/contacts/batch/read' },
      { status: 429, every: 7, path: '/batch/read' },
    ],
  });
  expect(plan.status).toBe(204);
  const events = burst();
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += EVENTS_PER_DELIVERY)
    bodies.push(JSON.stringify(events.slice(i, i + EVENTS_PER_DELIVERY)));

  const answers = await deliverAll(world, bodies);
  expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  expect(answers.reduce((sum, a) => sum + a.stored, 0)).toBe(CONTACTS * EVENTS_PER_CONTACT);
  await world.idle(120_000);

  const updates = (await world.requests()).filter((r) => r.path.endsWith('/contacts/batch/update'));
  expect(updates.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  expect(updates.filter((r) => r.status === 503).length).toBeGreaterThan(0);
  const writes = new Map<string, number>();
  for (const update of await world.updates())
    if (update.status === 200 || update.status === 207)
      for (const input of update.inputs) writes.set(input.id, (writes.get(input.id) ?? 0) + 1);
  expect(ids.filter((id) => writes.get(id) !== 1)).toEqual([]);

  const wrong: string[] = [];
  for (const id of ids) {
    const { properties } = await world.standin<{ properties: Record<string, string> }>(
      `/__standin/contacts/${id}`,
    );
    const expected = expectedVerdict(profile(id));
    if (Object.entries(expected).some(([name, value]) => properties[name] !== value)) wrong.push(id);
  }
  expect(wrong).toEqual([]);
  expect(await world.store.outbox.counts(String(PORTAL))).toEqual({
    pending: 0,
    sent: CONTACTS,
    rejected: 0,
  });
}
