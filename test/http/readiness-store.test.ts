import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/http/create-app';
import { disconnectedPortals } from '../../src/http/disconnected-portals';
import { createReadiness, type ReadinessReport } from '../../src/http/readiness';
import { startWebServer, stopWebServer, type WebServer } from '../../src/http/web-server';
import { createLogger } from '../../src/logger';
import { metricsRegistry } from '../../src/metrics';
import { createStore, type Store } from '../../src/store/create-store';

const logLines: string[] = [];
const logger = createLogger({
  level: 'info',
  destination: { write: (line: string) => void logLines.push(line) },
});
let dataDir: string;
let store: Store;
let web: WebServer;

beforeEach(async () => {
  logLines.length = 0;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-ready-'));
  store = await createStore({ dataDir });
  const readiness = createReadiness({
    store,
    logger,
    portalProblems: () => disconnectedPortals(store.installations),
  });
  web = await startWebServer(createApp({ logger, readiness, metrics: metricsRegistry }), 0, '127.0.0.1');
});

afterEach(async () => {
  await stopWebServer(web);
  await store.close().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('When the SQLite store is open and migrated, then /readyz answers 200', async () => {
  const res = await fetch(`${web.url}/readyz`);
  expect(res.status).toBe(200);
  expect(((await res.json()) as ReadinessReport).status).toBe('ready');
});

test('When the store has been closed, then /readyz answers 503 and /healthz still 200', async () => {
  await store.close();
  const ready = await fetch(`${web.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as ReadinessReport).checks[0]).toEqual({
    name: 'database',
    ok: false,
    message: 'The database cannot be reached.',
  });
  expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
});

test('When portals were uninstalled, then /readyz stays 200, counts them and says what to do, naming no Hub ID', async () => {
  await store.installations.connect('4242', null, ['crm.objects.contacts.read'], 1);
  await store.installations.connect('5555', null, [], 1);
  await store.installations.connect('6161', null, [], 1);
  await store.installations.setStatus('4242', 'disconnected', 'the app was uninstalled', 2);
  await store.installations.setStatus('6161', 'disconnected', 'the app was uninstalled', 2);
  const res = await fetch(`${web.url}/readyz`);
  expect(res.status).toBe(200);
  const text = await res.text();
  expect(text).not.toMatch(/4242|5555|6161/);
  const report = JSON.parse(text) as ReadinessReport;
  expect(report.portals).toEqual({ disconnected: 2, paused: 0 });
  expect(report.notices).toEqual([
    '2 portals are disconnected (the app was uninstalled): reinstall the app in those portals to resume scoring; ' +
      'the log line "portals need attention" says which.',
  ]);
});

test('When the portals with a problem change, then the log names them once, not on every probe', async () => {
  await store.installations.connect('4242', null, [], 1);
  await store.installations.setStatus('4242', 'disconnected', 'the app was uninstalled', 2);
  for (let i = 0; i < 3; i += 1) await fetch(`${web.url}/readyz`);
  const named = logLines.filter((line) => line.includes('portals need attention') && line.includes('4242'));
  expect(named).toHaveLength(1);
});
