import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { signHubSpotRequest } from '../src/standin/sign-hubspot-request';
import { createStore } from '../src/store/create-store';
import { BENCH_BASE_URL, BENCH_CLIENT_SECRET } from './bench-service-config';
import { seedCardPortal } from './card-api-seed';
import { startServiceProcess, type ServiceProcess } from './bench-service-process';
import type { BenchRow } from './harness';
import { startUnsignedFlood, type FloodTotals } from './unsigned-flood';
import { bodyCounters, type BodyCounters } from './body-counters';

const SECRET = BENCH_CLIENT_SECRET;
const BASE = BENCH_BASE_URL;
const PORTAL = '4242';
/** Distinct scored contacts the requests cycle through (each request is signed once, like a burst of card opens). */
const CONTACTS = 200;
const CONNECTIONS = 50;
/** Unsigned connections posting 1 MB of nested JSON beside the signed ones (DESIGN.md section 8, Dec 2026). */
const FLOOD_CONNECTIONS = 10;
const DURATION_S = Number(process.env.CARD_API_BENCH_SECONDS ?? 10);
const WARM_UP_REQUESTS = 2000;

type Measured = {
  result: Awaited<ReturnType<typeof autocannon>>;
  failed: number;
  cpuSeconds: number | undefined;
};

/** Signed card opens of the CONTACTS, signed now (the signature window is 5 minutes). */
const signedCardRequests = () =>
  Array.from({ length: CONTACTS }, (_, i) => {
    const url = `/api/card?objectId=${1000 + i}&userId=1&userEmail=rep%40bench.test&appId=1&portalId=${PORTAL}`;
    return {
      method: 'GET',
      path: url,
      headers: signHubSpotRequest({ clientSecret: SECRET, method: 'GET', url: BASE + url }),
    };
  });

/** One measured run of signed card opens at CONNECTIONS, with the service's CPU seconds over it. */
async function measure(service: ServiceProcess): Promise<Measured> {
  const requests = signedCardRequests();
  const cpuBefore = service.cpuSeconds();
  const result = await autocannon({
    url: service.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests,
  });
  const cpuAfter = service.cpuSeconds();
  const failed = result.errors + result.timeouts + result.non2xx;
  const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { result, failed, cpuSeconds };
}

/** `measure` while FLOOD_CONNECTIONS unsigned connections post 1 MB of nested JSON; the flood always ends. */
async function measureFlooded(service: ServiceProcess) {
  const flood = await startUnsignedFlood(service.url, FLOOD_CONNECTIONS);
  const flooded = await measure(service).catch(async (error: unknown) => {
    await flood.stop();
    throw error;
  });
  return { flooded, floodTotals: await flood.stop() };
}

/** The note of the flooded row: the signed load, what the flood sent and what the service did with its bodies. */
function floodNote(run: Measured, flood: FloodTotals, before: BodyCounters, after: BodyCounters): string {
  const perS = Math.round(flood.requests / flood.seconds);
  const answers = Object.entries(flood.statuses)
    .map(([status, count]) => `${count}x ${status}`)
    .join(', ');
  const signedLoad = `${Math.round(run.result.requests.average)} req/s, p50 ${run.result.latency.p50} ms`;
  return (
    `${signedLoad}; flood: ${flood.requests} unsigned 1 MB posts (${perS}/s; ${answers}; ${flood.errors} cut off ` +
    `unsent), bodies refused unread ${after.unread - before.unread}, read but not parsed ` +
    `${after.unparsed - before.unparsed}, parsed ${after.parsed - before.parsed}`
  );
}

/**
 * `GET /api/card` p99 at 50 concurrent connections against the real service on SQLite, loopback, signed like
 * hubspot.fetch; then the same with 10 more connections posting 1 MB of unsigned nested JSON to any path.
 */
export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-card-bench-'));
  const dataDir = path.join(dir, 'data');
  const store = await createStore({ dataDir });
  try {
    await seedCardPortal(store, PORTAL, CONTACTS);
  } finally {
    await store.close();
  }
  const env = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    PORT: '0',
    HUBSPOT_CLIENT_ID: 'bench-client-id',
    HUBSPOT_CLIENT_SECRET: SECRET,
    PUBLIC_BASE_URL: BASE,
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
  };
  const nodeArgs = (process.env.CARD_API_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const service = await startServiceProcess(env, path.join(dir, 'service.log'), nodeArgs);
  const { url } = service;
  try {
    // Warm-up (JIT, statement cache, parsed agreement), not measured.
    await autocannon({
      url,
      connections: CONNECTIONS,
      amount: WARM_UP_REQUESTS,
      requests: signedCardRequests(),
    });
    const plain = await measure(service);
    const before = await bodyCounters(url);
    const { flooded, floodTotals } = await measureFlooded(service);
    const after = await bodyCounters(url);
    const { result, cpuSeconds } = plain;
    const failed = plain.failed + flooded.failed;
    return [
      {
        name: 'card API p99 (GET /api/card, 50 connections)',
        measured: result.latency.p99,
        unit: 'ms',
        budget: { atMost: 50 },
        note: `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, ${plain.failed} failed`,
      },
      {
        name: 'card API p99 at 50 signed connections with 10 unsigned connections posting 1 MB nested JSON',
        measured: flooded.result.latency.p99,
        unit: 'ms',
        peer: { name: 'without them', measured: result.latency.p99 },
        ratioBudget: { atMost: 1.5 },
        note: floodNote(flooded, floodTotals, before, after),
      },
      { name: 'card API failed requests', measured: failed, unit: 'requests', budget: { atMost: 0 } },
      ...(cpuSeconds
        ? [
            {
              name: 'card API requests per service CPU-second',
              measured: Math.round(result.requests.total / cpuSeconds),
              unit: 'req/CPU-s',
              note: `${result.requests.total} requests, ${cpuSeconds.toFixed(2)} CPU-s; steady on a loaded machine`,
            },
          ]
        : []),
    ];
  } finally {
    await service.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
