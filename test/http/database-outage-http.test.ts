import { sql } from 'kysely';
import { createApp } from '../../src/http/create-app';
import { createReadiness, type ReadinessReport } from '../../src/http/readiness';
import { webhooksRouter } from '../../src/http/routes/webhooks-router';
import { startWebServer, stopWebServer, type WebServer } from '../../src/http/web-server';
import { createLogger } from '../../src/logger';
import { metricsRegistry } from '../../src/metrics';
import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';
import { databaseOf, type Store } from '../../src/store/create-store';
import { cutPostgres, lockSqlite, restorePostgres } from '../store/database-outages';
import { openTestStore, tempPostgres, tempSqlite, type TestDatabase } from '../store/test-databases';

jest.setTimeout(60_000);

const SECRET = 'outage-test-client-secret';
const PUBLIC_URL = 'https://leadpact.example.com';
const PORTAL = 62515;

/** A contact's property change as HubSpot posts it. */
const propertyChange = (eventId: number, value: string) => ({
  eventId,
  subscriptionId: 2881778,
  portalId: PORTAL,
  appId: 456789,
  attemptNumber: 0,
  changeSource: 'CRM',
  occurredAt: 1764230400000 + eventId,
  subscriptionType: 'object.propertyChange',
  objectId: 51,
  objectTypeId: '0-1',
  propertyName: 'jobtitle',
  propertyValue: value,
});

/** One HubSpot delivery of `count` events from `firstId` on, signed as HubSpot signs it. */
function delivery(firstId: number, count = 1, value = 'Head of Sales') {
  const events = Array.from({ length: count }, (_, i) => propertyChange(firstId + i, value));
  const body = JSON.stringify(events);
  const url = `${PUBLIC_URL}/webhooks/hubspot`;
  return { body, headers: signHubSpotRequest({ clientSecret: SECRET, method: 'POST', url, body }) };
}

interface LogLine {
  level: number;
  msg: string;
  err?: unknown;
  [key: string]: unknown;
}

describe.each([
  ['postgres', tempPostgres],
  ['sqlite', async () => tempSqlite()],
] as const)('the web app when its %s database is unusable', (engine, make) => {
  let store: Store;
  let database: TestDatabase;
  let web: WebServer;
  let logs: LogLine[];

  beforeEach(async () => {
    ({ store, database } = await openTestStore(make));
    logs = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
    });
    const config = {
      hubspot: {
        clientSecret: SECRET,
        clientId: undefined,
        portalId: PORTAL,
        accessToken: 'pat',
        apiBaseUrl: 'x',
        requestsPer10s: 100,
      },
      publicBaseUrl: PUBLIC_URL,
    };
    const routers = [webhooksRouter({ config: config as never, store, logger })];
    const readiness = createReadiness({ store, logger });
    web = await startWebServer(
      createApp({ logger, readiness, metrics: metricsRegistry, routers }),
      0,
      '127.0.0.1',
    );
  });
  afterEach(async () => {
    await stopWebServer(web);
    if (database.options.databaseUrl) await restorePostgres(database.options.databaseUrl);
    await store.close();
    await database.drop();
  });

  const deliver = (eventId: number, count?: number, value?: string) => {
    const { body, headers } = delivery(eventId, count, value);
    return fetch(`${web.url}/webhooks/hubspot`, { method: 'POST', body, headers });
  };
  const readyz = async () => {
    const res = await fetch(`${web.url}/readyz`);
    return { status: res.status, report: (await res.json()) as ReadinessReport };
  };

  /** Asserts the outage answers: /readyz 503 with `reason`, a delivery 503 in the error shape, logged as a warning. */
  async function expectOutage(reason: string, refusedDelivery = () => deliver(2)) {
    const refused = await refusedDelivery();
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({
      error: {
        code: 'unavailable',
        message: `The database is unavailable: ${reason}.`,
        details: [{ path: 'database', message: reason }],
      },
    });
    const line = logs.find((l) => l.msg === 'request refused: service unavailable');
    expect(line).toMatchObject({ level: 40, code: 'unavailable', path: '/webhooks/hubspot' });
    expect(JSON.stringify(line)).not.toMatch(/stack|\n\s+at /);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
    // A full disk fails writes only: /readyz knows of it from the write that failed.
    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(ready.report.checks[0]).toEqual({
      name: 'database',
      ok: false,
      message: `The database is unavailable: ${reason}.`,
    });
    expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
  }

  /** Asserts the service is whole again: the delivery HubSpot retries is stored, and it is ready. */
  async function expectRecovered(retried = () => deliver(2), stored = 2) {
    expect((await retried()).status).toBe(200);
    expect((await readyz()).status).toBe(200);
    expect(await store.inbox.pending(String(PORTAL), 10_000)).toHaveLength(stored);
  }

  if (engine === 'postgres') {
    it('When the database stops accepting connections, then /readyz and a webhook delivery answer 503 with the reason, and both work once it is back', async () => {
      expect((await deliver(1)).status).toBe(200);
      await cutPostgres(database.options.databaseUrl!);
      await expectOutage('the database is not accepting connections');
      await restorePostgres(database.options.databaseUrl!);
      await expectRecovered();
    });
  } else {
    it('When another process holds the write lock, then /readyz and a webhook delivery answer 503 saying the file is locked, and both work once it is released', async () => {
      expect((await deliver(1)).status).toBe(200);
      const lock = lockSqlite(database.options.dataDir);
      try {
        await expectOutage('the database file is locked by another process');
      } finally {
        lock.release();
      }
      await expectRecovered();
    });

    it('When the disk is full, then /readyz and a webhook delivery answer 503 saying so, and both work once there is room', async () => {
      expect((await deliver(1)).status).toBe(200);
      const { page_count } = (
        await sql<{ page_count: number }>`pragma page_count`.execute(databaseOf(store).db)
      ).rows[0]!;
      await sql.raw(`pragma max_page_count = ${page_count}`).execute(databaseOf(store).db);
      // 100 events with long values need pages the file may not grow to.
      const big = () => deliver(1000, 100, 'x'.repeat(4_000));
      await expectOutage('the disk is full', big);
      await sql.raw('pragma max_page_count = 1073741823').execute(databaseOf(store).db);
      await expectRecovered(big, 101);
    });
  }
});
