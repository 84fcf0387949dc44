import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore, type Store } from '../src/store/create-store';
import { BENCH_BASE_URL, BENCH_CLIENT_SECRET } from './bench-service-config';
import { startServiceProcess } from './bench-service-process';
import type { BenchRow } from './harness';
import { fillInbox, inboxBacklog, inboxIdle, seedPortal, startDraining } from './intake-backlog-seed';
import { startStandinProcess } from './standin-process';
import { sendPaced, signDeliveries, type PacedLoad } from './paced-deliveries';
import { BENCH_CONTACTS, EVENTS_PER_DELIVERY } from './webhook-delivery';

const PORTAL = 4242;
/** Unprocessed events in the inbox when the load starts (DESIGN.md section 8, Dec 2026: 100,000). */
const BACKLOG = Number(process.env.WEBHOOK_BACKLOG_EVENTS ?? 100_000);
/**
 * Events per second offered while the backlog drains: the budget (10,000) plus 5%, so that the load generator's
 * first and last second (a request or two short) do not decide whether 10,000 events/s were stored.
 */
const RATE = Number(process.env.WEBHOOK_BACKLOG_RATE ?? 10_500);
const DURATION_S = Number(process.env.WEBHOOK_BACKLOG_SECONDS ?? 10);
/** HubSpot's concurrency towards the app: `maxConcurrentRequests` in extensions/app/webhooks/. */
const CONNECTIONS = Number(process.env.WEBHOOK_BACKLOG_CONNECTIONS ?? 20);
const BUDGET_EVENTS_PER_S = 10_000;
const BUDGET_P99_MS = 200;
/**
 * Seconds of deliveries at RATE before the backlog is put in: JIT of the whole path (stored, drained, synced), the
 * worker's start-up jobs. Their syncs are still running when the measured load starts, as in a service that runs.
 */
const WARM_UP_S = 3;

/** The HubSpot stand-in the service's syncs read contacts from and write verdicts to (private-app limits). */
const startHubSpot = () =>
  startStandinProcess([
    '--contacts',
    String(1000 + BENCH_CONTACTS),
    '--portal-id',
    String(PORTAL),
    '--limit',
    '100',
  ]);

/** `npm start` as deployed on SQLite: `serve --role all` (web and worker in one process), static-token mode. */
function serviceEnv(dataDir: string, hubspotUrl: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    PORT: '0',
    HUBSPOT_CLIENT_SECRET: BENCH_CLIENT_SECRET,
    PUBLIC_BASE_URL: BENCH_BASE_URL,
    HUBSPOT_ACCESS_TOKEN: 'pat-bench-token',
    HUBSPOT_PORTAL_ID: String(PORTAL),
    HUBSPOT_API_BASE_URL: hubspotUrl,
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
  };
}

function rows(
  { result: load, seconds }: PacedLoad,
  drain: { before: number; after: number },
  cores: number,
): BenchRow[] {
  const stored = load['2xx'] * EVENTS_PER_DELIVERY;
  const failed = load.errors + load.timeouts + load.non2xx;
  const processed = drain.before + stored - drain.after;
  const scenario = `${BACKLOG.toLocaleString('en-US')}-event backlog draining, serve --role all, SQLite`;
  return [
    {
      name: `webhook intake under backlog (events durably stored; ${scenario})`,
      measured: Math.round(stored / seconds),
      unit: 'events/s',
      budget: { atLeast: BUDGET_EVENTS_PER_S },
      note: `${RATE / EVENTS_PER_DELIVERY} deliveries/s of ${EVENTS_PER_DELIVERY} events offered, ${CONNECTIONS} connections, ${seconds.toFixed(1)} s`,
    },
    {
      name: 'webhook intake p99 under backlog',
      measured: load.latency.p99,
      unit: 'ms',
      budget: { atMost: BUDGET_P99_MS },
      note: `p50 ${load.latency.p50} ms, p90 ${load.latency.p90} ms, max ${load.latency.max} ms; ${failed} failed`,
    },
    {
      name: 'inbox drained meanwhile',
      measured: Math.round(processed / seconds),
      unit: 'events/s',
      note:
        `${processed} events processed; backlog ${drain.before} at the start, ${drain.after} at the end; ` +
        `the service used ${Number.isFinite(cores) ? cores.toFixed(2) : '?'} CPU cores`,
    },
  ];
}

/**
 * Webhook intake while the worker drains a backlog, against the real service (`lead-pact serve --role all`, its
 * syncs reading from a HubSpot stand-in): after a warm-up, once the inbox is empty, BACKLOG events are put in it at
 * once, its process-inbox job is queued, and signed 100-event deliveries arrive at RATE events/s for DURATION_S
 * seconds. Reports events stored per second, p99, and how far the backlog drained.
 */
export async function runBacklogScenario(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-backlog-bench-'));
  const dataDir = path.join(dir, 'data');
  const hubspot = await startHubSpot();
  let store: Store | undefined;
  try {
    store = await createStore({ dataDir });
    await seedPortal(store, PORTAL);
    const service = await startServiceProcess(
      serviceEnv(dataDir, hubspot.url),
      process.env.WEBHOOK_BACKLOG_LOG ?? path.join(dir, 'service.log'),
      (process.env.WEBHOOK_BACKLOG_NODE_ARGS ?? '').split(' ').filter(Boolean),
      'all',
    );
    try {
      const from = { next: 0 };
      const warmUp = { eventsPerSecond: RATE, connections: CONNECTIONS, seconds: WARM_UP_S };
      await sendPaced(service.url, signDeliveries(PORTAL, from, warmUp), warmUp);
      await inboxIdle(store, PORTAL);
      await fillInbox(store, PORTAL, BACKLOG);
      const measured = { ...warmUp, seconds: DURATION_S };
      const signed = signDeliveries(PORTAL, from, measured);
      const before = await inboxBacklog(store, PORTAL);
      await startDraining(store, PORTAL);
      const cpuBefore = service.cpuSeconds() ?? NaN;
      const load = await sendPaced(service.url, signed, measured);
      const cores = ((service.cpuSeconds() ?? NaN) - cpuBefore) / load.seconds;
      const after = await inboxBacklog(store, PORTAL);
      return rows(load, { before, after }, cores);
    } finally {
      await service.stop();
    }
  } finally {
    await store?.close();
    await hubspot.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
