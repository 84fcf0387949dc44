import { Router } from 'express';
import { AppError } from '../../src/domain/app-error';
import { createApp } from '../../src/http/create-app';
import { createReadiness, type ReadinessReport, type StoreHealth } from '../../src/http/readiness';
import { startWebServer, stopWebServer, type WebServer } from '../../src/http/web-server';
import { createLogger } from '../../src/logger';
import { jobOutcomes, metricsRegistry, reportQueueDepthFrom } from '../../src/metrics';

const logLines: string[] = [];
const logger = createLogger({
  level: 'info',
  destination: { write: (line: string) => void logLines.push(line) },
});

/** A router like the ones other areas plug in. */
function exampleRouter(): Router {
  const router = Router();
  router.post('/api/echo', (req, res) => {
    res.json({ body: req.body ?? null });
  });
  router.get('/api/widgets/:id', () => {
    throw new AppError('invalid_input', 'That widget id is not valid.', [
      { path: 'id', message: 'expected digits' },
    ]);
  });
  router.get('/api/broken', async () => {
    throw new Error('secret internals at db.ts:42');
  });
  return router;
}

let store: StoreHealth & { up: boolean };
let web: WebServer;

beforeEach(async () => {
  store = {
    up: true,
    ping: async () => {
      if (!store.up) throw new Error('connection refused');
    },
    migrationStatus: async () => ({ pending: [] }),
  };
  const readiness = createReadiness({ store, logger });
  const app = createApp({ logger, readiness, metrics: metricsRegistry, routers: [exampleRouter()] });
  web = await startWebServer(app, 0, '127.0.0.1');
});

afterEach(async () => {
  await stopWebServer(web);
});

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
const readReport = async (res: Response) => (await res.json()) as ReadinessReport;
const errorOf = async (res: Response) => (await res.json()) as ErrorBody;

const get = (path: string) => fetch(`${web.url}${path}`);
/** How many request bodies the app has parsed as JSON, from /metrics. */
const parsedBodies = async () =>
  Number(/lead_pact_request_bodies_parsed_total (\d+)/.exec(await (await get('/metrics')).text())?.[1]);
const postJson = (path: string, body: string) =>
  fetch(`${web.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('health routes', () => {
  test('When the process is up, then /healthz answers 200', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('When the store is reachable and migrated, then /readyz answers 200 with its checks', async () => {
    const res = await get('/readyz');
    expect(res.status).toBe(200);
    const report = await readReport(res);
    expect(report.status).toBe('ready');
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['migrations', true],
    ]);
  });

  test('When the store cannot be reached, then /readyz answers 503 with a plain message', async () => {
    store.up = false;
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    const report = await readReport(res);
    expect(report.status).toBe('not_ready');
    expect(report.checks).toEqual([
      { name: 'database', ok: false, message: 'The database cannot be reached.' },
    ]);
  });

  test('When migrations are pending, then /readyz answers 503 naming them', async () => {
    store.migrationStatus = async () => ({ pending: ['002-outbox'] });
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).toContain('Migrations not applied yet: 002-outbox.');
  });

  test('When a request was served, then /metrics shows its latency by route and status', async () => {
    await get('/api/widgets/abc');
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/widgets\/:id",status="400"\} \d+/,
    );
    expect(text).toContain('lead_pact_queue_depth');
  });
  test('When the store reports queue depth and jobs finish, then /metrics shows both', async () => {
    reportQueueDepthFrom(async () => ({ queued: 3, running: 1 }));
    jobOutcomes.inc({ type: 'rescore', outcome: 'dead' });
    const text = await (await get('/metrics')).text();
    reportQueueDepthFrom(undefined);
    expect(text).toContain('lead_pact_queue_depth{state="queued"} 3');
    expect(text).toContain('lead_pact_queue_depth{state="running"} 1');
    expect(text).toMatch(/lead_pact_jobs_total\{type="rescore",outcome="dead"\} [1-9]/);
  });
});

describe('bodies and errors', () => {
  test('When JSON is posted to a route that needs no signature, then it is not parsed', async () => {
    const before = await parsedBodies();
    const res = await postJson('/api/echo', '{"a": 1,  "b":[true]}');
    expect(await res.json()).toEqual({ body: null });
    expect(await parsedBodies()).toBe(before);
  });

  test('When a route throws an AppError, then the answer carries its code, message and details', async () => {
    const res = await get('/api/widgets/abc');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: 'That widget id is not valid.',
        details: [{ path: 'id', message: 'expected digits' }],
      },
    });
  });

  test('When a route fails unexpectedly, then the answer is a plain 500 and the cause goes to the log only', async () => {
    const res = await get('/api/broken');
    expect(res.status).toBe(500);
    const body = await errorOf(res);
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(/^Something went wrong\. \(reference [0-9a-f-]{36}\)$/);
    expect(body.error.details).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('db.ts');
    expect(logLines.join('')).toContain('secret internals at db.ts:42');
  });

  test('When 1 MB of nested JSON is posted to any unsigned path, then nothing parses it', async () => {
    const nested = '['.repeat(512 * 1024) + ']'.repeat(512 * 1024);
    const before = await parsedBodies();
    const parse = jest.spyOn(JSON, 'parse');
    try {
      for (const path of ['/api/echo', '/healthz', '/nowhere', '/metrics']) {
        const res = await postJson(path, nested);
        expect(res.status).toBeLessThan(500);
      }
      expect(parse.mock.calls.filter(([text]) => String(text).length >= nested.length)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(Number.isInteger(before)).toBe(true);
    expect(await parsedBodies()).toBe(before);
  });

  test('When no route matches, then the answer is a 404 in the same shape', async () => {
    const res = await get('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'There is no GET /nowhere.', details: [] },
    });
  });
});
