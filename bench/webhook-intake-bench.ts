import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/http/create-app';
import { createReadiness } from '../src/http/readiness';
import { WEBHOOK_PATH, webhooksRouter } from '../src/http/routes/webhooks-router';
import { startWebServer, stopWebServer } from '../src/http/web-server';
import { createLogger } from '../src/logger';
import { metricsRegistry } from '../src/metrics';
import { createStore } from '../src/store/create-store';
import { benchServiceConfig } from './bench-service-config';
import type { BenchRow } from './harness';
import { inboxBacklog } from './intake-backlog-seed';
import { runBacklogScenario } from './webhook-backlog-scenario';
import { EVENTS_PER_DELIVERY, signedDelivery } from './webhook-delivery';

const PORTAL = 4242;
const CONNECTIONS = Number(process.env.WEBHOOK_BENCH_CONNECTIONS ?? 10);
const BUDGET_EVENTS_PER_S = 2000;
const DURATION_S = Number(process.env.WEBHOOK_BENCH_SECONDS ?? 10);
const config = benchServiceConfig;

/** Signed webhook deliveries of 100 events against the real app on SQLite, loopback: events durably stored per second, p99. */
async function runIdle(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-webhook-bench-'));
  const store = await createStore({ dataDir });
  const logger = createLogger({ level: 'silent' });
  try {
    const router = webhooksRouter({ config, store, logger });
    const app = createApp({
      logger,
      readiness: createReadiness({ store, logger }),
      metrics: metricsRegistry,
      routers: [router],
    });
    const web = await startWebServer(app, 0, '127.0.0.1');
    // Every request is a new delivery with new event ids, signed when it is sent (autocannon's setupRequest).
    let sent = 0;
    const requests = [
      { method: 'POST', path: WEBHOOK_PATH, setupRequest: () => signedDelivery(PORTAL, sent++) },
    ];
    const started = Date.now();
    const flat = await autocannon({ url: web.url, connections: CONNECTIONS, duration: DURATION_S, requests });
    const seconds = (Date.now() - started) / 1000;
    const storedFlat = await inboxBacklog(store, PORTAL);
    // Answer time at the budget's rate (2,000 events/s = 20 deliveries/s), not at saturation.
    const paced = await autocannon({
      url: web.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      overallRate: BUDGET_EVENTS_PER_S / EVENTS_PER_DELIVERY,
      requests,
    });
    await stopWebServer(web);
    const failed = [flat, paced].reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
    const note = `${Math.round(flat.requests.average)} deliveries/s of ${EVENTS_PER_DELIVERY} events, ${CONNECTIONS} connections`;
    return [
      {
        name: 'webhook intake (events durably stored)',
        measured: Math.round(storedFlat / seconds),
        unit: 'events/s',
        budget: { atLeast: BUDGET_EVENTS_PER_S },
        note,
      },
      {
        name: 'webhook intake p99 at 2,000 events/s (100-event deliveries)',
        measured: paced.latency.p99,
        unit: 'ms',
        budget: { atMost: 200 },
        note: `p50 ${paced.latency.p50} ms; at saturation p99 ${flat.latency.p99} ms; ${failed} failed`,
      },
      { name: 'webhook intake failed deliveries', measured: failed, unit: 'requests', budget: { atMost: 0 } },
    ];
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Intake on an idle inbox (the app alone), then the real service while a backlog drains (webhook-backlog-scenario.ts). */
export async function run(): Promise<BenchRow[]> {
  return [...(await runIdle()), ...(await runBacklogScenario())];
}
