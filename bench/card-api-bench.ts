import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import example from '../examples/agreement.json';
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
const BIN = path.join(__dirname, '..', '..', 'bin', 'lead-pact.js');
/** Linux reports process CPU time in clock ticks of 10 ms (USER_HZ 100). */
const TICK_S = 0.01;

/** CPU seconds used so far by process `pid`, all its threads (user + system); undefined off Linux. */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
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
  const card = storeCardPorts(store, benchServiceConfig);
  for (const c of contacts) await scoreNow(card, { portalId: PORTAL, objectId: c.id });
}

/**
 * `lead-pact serve --role web` as production runs it (OAuth app, SQLite, JSON request logs at info level, here
 * to a file), in its own process: HubSpot's calls come from elsewhere, not from the server's own loop.
 */
async function startService(dataDir: string, logFile: string): Promise<{ child: ChildProcess; url: string }> {
  const log = fs.openSync(logFile, 'w');
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
  const child = spawn(
    process.execPath,
    [
      ...(process.env.CARD_API_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
      BIN,
      'serve',
      '--role',
      'web',
    ],
    { env, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
    if (url) return { child, url };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`lead-pact serve did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** `GET /api/card` p99 at 50 concurrent connections against the real service on SQLite, loopback, signed like hubspot.fetch. */
export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-card-bench-'));
  const dataDir = path.join(dir, 'data');
  const store = await createStore({ dataDir });
  try {
    await seed(store);
  } finally {
    await store.close();
  }
  const { child, url } = await startService(dataDir, path.join(dir, 'service.log'));
  try {
    const requests = Array.from({ length: CONTACTS }, (_, i) => {
      const url = `/api/card?objectId=${1000 + i}&userId=1&userEmail=rep%40bench.test&appId=1&portalId=${PORTAL}`;
      return {
        method: 'GET',
        path: url,
        headers: signHubSpotRequest({ clientSecret: SECRET, method: 'GET', url: BASE + url }),
      };
    });
    // Warm-up (JIT, statement cache, parsed agreement), not measured.
    await autocannon({ url, connections: CONNECTIONS, amount: WARM_UP_REQUESTS, requests });
    const cpuBefore = processCpuSeconds(child.pid!);
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
    const cpuAfter = processCpuSeconds(child.pid!);
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
              name: 'card API requests per service CPU-second',
              measured: Math.round(result.requests.total / cpuSeconds),
              unit: 'req/CPU-s',
              note: `${result.requests.total} requests, ${cpuSeconds.toFixed(2)} CPU-s; steady on a loaded machine`,
            },
          ]
        : []),
    ];
  } finally {
    await stopService(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
