import type { Store } from '../../../src/store/create-store';
import { portalTimeZone } from '../../../src/use-cases/install/portal-time-zone';
import { openTestStore, tempSqlite, type TestDatabase } from '../../store/test-databases';
import { applyExampleAgreement, exampleAgreementBody } from '../apply-example-agreement';

let store: Store;
let database: TestDatabase;

beforeEach(async () => {
  ({ store, database } = await openTestStore(async () => tempSqlite()));
});
afterEach(async () => {
  await store.close();
  await database.drop();
});

it("When the account's zone is known, then it wins; else the active agreement's SLA zone; else unknown", async () => {
  const body = exampleAgreementBody();
  body.sla.timezone = 'Europe/Paris';
  await applyExampleAgreement(store, '1', Date.UTC(2026, 10, 27), body);
  const zoneOf = portalTimeZone(store);
  expect(await zoneOf('1')).toBe('Europe/Paris');
  expect(await zoneOf('2')).toBeUndefined();
  await store.installations.connect('1', null, [], Date.UTC(2026, 10, 27));
  await store.installations.setTimeZone('1', 'America/New_York', Date.UTC(2026, 10, 27));
  expect(await zoneOf('1')).toBe('America/New_York');
});
