import { burstEndsWithOneWritePerContact, finalProperties, ids } from './burst-scenario';
import { agreement } from './e2e-agreement';
import { startWorld, type E2eWorld } from './e2e-processes';

// Two real processes: the HubSpot stand-in and `lead-pact serve`, over a temporary SQLite data directory.
jest.setTimeout(180_000);

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld({
    seed: { contacts: ids.map((id) => ({ id, properties: finalProperties(id) })), companies: [] },
    agreement,
  });
});
afterAll(async () => {
  await world?.stop();
});

it('When 10,000 events about 1,000 contacts arrive while HubSpot answers 429s and 503s, then every contact is written once, with its final state', () =>
  burstEndsWithOneWritePerContact(world));
