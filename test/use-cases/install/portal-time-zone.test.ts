import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../../src/store/create-store';
import { applyAgreement } from '../../../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../../../src/use-cases/agreements/store-ports';
import { portalTimeZone } from '../../../src/use-cases/install/portal-time-zone';
import { openTestStore, tempSqlite, type TestDatabase } from '../../store/test-databases';

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
  const body = JSON.parse(readFileSync(join(__dirname, '../../../examples/agreement.json'), 'utf8')) as {
    sla: { timezone: string };
  };
  body.sla.timezone = 'Europe/Paris';
  const ports = storeAgreementPorts(store.ctx, {
    userTeams: { teamIdsOf: async () => [] },
    clock: { now: () => Date.UTC(2026, 10, 27) },
  });
  await applyAgreement(ports, { portalId: '1', body, proposedBy: 'a@x.example', approvedBy: 'b@x.example' });
  const zoneOf = portalTimeZone(store);
  expect(await zoneOf('1')).toBe('Europe/Paris');
  expect(await zoneOf('2')).toBeUndefined();
  await store.installations.connect('1', null, [], Date.UTC(2026, 10, 27));
  await store.installations.setTimeZone('1', 'America/New_York', Date.UTC(2026, 10, 27));
  expect(await zoneOf('1')).toBe('America/New_York');
});
