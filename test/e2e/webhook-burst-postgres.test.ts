import { burstEndsWithOneWritePerContact, finalProperties, ids } from './burst-scenario';
import { agreement } from './e2e-agreement';
import { startWorld, type E2eWorld } from './e2e-processes';
import { tempPostgres, type TestDatabase } from '../store/test-databases';

// The stand-in, `lead-pact serve` and two `lead-pact serve --role worker` processes sharing one PostgreSQL
// database: jobs, inbox events and outbox rows are taken by whichever worker leases them first.
jest.setTimeout(180_000);

let world: E2eWorld;
let database: TestDatabase;
beforeAll(async () => {
  database = await tempPostgres();
  world = await startWorld({
    seed: { contacts: ids.map((id) => ({ id, properties: finalProperties(id) })), companies: [] },
    agreement,
    databaseUrl: database.options.databaseUrl,
    extraWorkers: 2,
  });
});
afterAll(async () => {
  await world?.stop();
  await database?.drop();
});

it('When 10,000 events about 1,000 contacts reach three worker processes on PostgreSQL while HubSpot answers 429s and 503s, then every contact is written once, with its final state', () =>
  burstEndsWithOneWritePerContact(world));
