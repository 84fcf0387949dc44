import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import example from '../examples/agreement.json';
import { createApp } from '../src/http/create-app';
import { createReadiness } from '../src/http/readiness';
import { apiRouters } from '../src/http/routes/api-routers';
import { startWebServer, stopWebServer } from '../src/http/web-server';
import { createLogger } from '../src/logger';
import { metricsRegistry } from '../src/metrics';
import { signHubSpotRequest } from '../src/standin/sign-hubspot-request';
import { createStore, type Store } from '../src/store/create-store';
import { applyAgreement } from '../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../src/use-cases/agreements/store-ports';
import { scoreNow } from '../src/use-cases/card/score-now';
import { storeCardPorts } from '../src/use-cases/card/store-card-ports';
import { BENCH_BASE_URL, BENCH_CLIENT_SECRET, benchServiceConfig } from './bench-service-config';
import type { BenchRow } from './harness';

const SECRET = BENCH_CLIENT_SECRET;
const BASE = BENCH_BASE_URL;
const PORTAL = '4242';
/** Distinct scored contacts the requests cycle through (each request is signed once, like a burst of card opens). */
const CONTACTS = 200;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.CARD_API_BENCH_SECONDS ?? 10);
const WARM_UP_REQUESTS = 2000;
const config = benchServiceConfig;
/** Linux reports thread CPU time in clock ticks of 10 ms (USER_HZ 100). */
const TICK_S = 0.01;

/**
 * CPU seconds used so far by the main thread alone (the server: Express and better-sqlite3 run there), so the
 * load generator in its worker thread is not counted. Undefined off Linux.
 */
function serverThreadCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_S;
  } catch {
    return undefined;
  }
}

/** A connected portal with the example agreement active and CONTACTS sales-ready-ish contacts scored. */
async function seed(store: Store): Promise<void> {
  const clock = { now: Date.now };
  await store.installations.connect(PORTAL, null, [], Date.now());
  const ports = storeAgreementPorts(store.ctx, { userTeams: { teamIdsOf: async () => [] }, clock });
  await applyAgreement(ports, {
    portalId: PORTAL,
    body: example,
    proposedBy: 'marketing@bench',
    approvedBy: 'sales@bench',
  });
  const contacts = Array.from({ length: CONTACTS }, (_, i) => ({
    id: String(1000 + i),
    properties: {
      jobtitle: i % 2 ? 'Director of IT' : 'Engineer',
      recent_conversion_event_name: 'Newsletter: get a quote',
      recent_conversion_date: new Date(Date.now() - (i % 20) * 86_400_000).toISOString(),
    },
    company: { numberofemployees: String(50 + i * 10), industry: 'COMPUTER_SOFTWARE' },
  }));
  await store.contacts.upsertMany(PORTAL, contacts, Date.now());
  const card = storeCardPorts(store, config);
  for (const c of contacts) await scoreNow(card, { portalId: PORTAL, objectId: c.id });
}

/** `GET /api/card` p99 at 50 concurrent connections, SQLite, loopback, signed like hubspot.fetch. */
export async function run(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-card-bench-'));
  const store = await createStore({ dataDir });
  const logger = createLogger({ level: 'silent' });
  try {
    await seed(store);
    const routers = apiRouters({ config, store, userTeams: { teamIdsOf: async () => [] } });
    const app = createApp({
      logger,
      readiness: createReadiness({ store, logger }),
      metrics: metricsRegistry,
      routers,
    });
    const web = await startWebServer(app, 0, '127.0.0.1');
    const requests = Array.from({ length: CONTACTS }, (_, i) => {
      const url = `/api/card?objectId=${1000 + i}&userId=1&userEmail=rep%40bench.test&appId=1&portalId=${PORTAL}`;
      return {
        method: 'GET',
        path: url,
        headers: signHubSpotRequest({ clientSecret: SECRET, method: 'GET', url: BASE + url }),
      };
    });
    // Warm-up (JIT, statement cache, parsed agreement), not measured.
    await autocannon({
      url: web.url,
      connections: CONNECTIONS,
      amount: WARM_UP_REQUESTS,
      requests,
      workers: 1,
    });
    const cpuBefore = serverThreadCpuSeconds();
    // The load generator runs in a worker thread: HubSpot's calls come from elsewhere, not from the server's loop.
    const result = await autocannon({
      url: web.url,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests,
      workers: 1,
    });
    const cpuAfter = serverThreadCpuSeconds();
    await stopWebServer(web);
    const failed = result.errors + result.timeouts + result.non2xx;
    const cpuSeconds = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    return [
      {
        name: 'card API p99 (GET /api/card, 50 connections)',
        measured: result.latency.p99,
        unit: 'ms',
        budget: { atMost: 50 },
        note: `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, ${failed} failed`,
      },
      { name: 'card API failed requests', measured: failed, unit: 'requests', budget: { atMost: 0 } },
      ...(cpuSeconds
        ? [
            {
              name: 'card API requests per server CPU-second (main thread)',
              measured: Math.round(result.requests.total / cpuSeconds),
              unit: 'req/CPU-s',
              note: `${result.requests.total} requests, ${cpuSeconds.toFixed(2)} CPU-s; steady on a loaded machine`,
            },
          ]
        : []),
    ];
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
