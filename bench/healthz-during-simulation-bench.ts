import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import example from '../examples/agreement.json';
import { signHubSpotRequest } from '../src/standin/sign-hubspot-request';
import { createStore } from '../src/store/create-store';
import { applyAgreement } from '../src/use-cases/agreements/apply-agreement';
import { storeAgreementPorts } from '../src/use-cases/agreements/store-ports';
import { BENCH_BASE_URL, BENCH_CLIENT_SECRET } from './bench-service-config';
import { startServiceProcess } from './bench-service-process';
import type { BenchRow } from './harness';

const PORTAL = '4343';
/** The simulation budget's largest portal (src/domain/simulation/simulation-budget.ts): the worst case it allows. */
const CONTACTS = Number(process.env.HEALTHZ_BENCH_CONTACTS ?? 100_000);
/** One probe every 10 ms, as a load balancer under test would never do: enough samples for a p99. */
const PROBE_EVERY_MS = 10;
const IDLE_PROBES = 300;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** A stored portal with the example agreement active and CONTACTS contacts (no HubSpot behind it). */
async function seed(dataDir: string): Promise<void> {
  const store = await createStore({ dataDir });
  try {
    await store.installations.connect(PORTAL, null, [], Date.now());
    const ports = storeAgreementPorts(store, { userTeams: { teamIdsOf: async () => [] }, clock: Date });
    await applyAgreement(ports, {
      portalId: PORTAL,
      body: example,
      proposedBy: 'm@bench',
      approvedBy: 's@bench',
    });
    const titles = ['Director of IT', 'Engineer', '部長', 'Sales Manager'];
    for (let start = 0; start < CONTACTS; start += 5_000) {
      const page = Array.from({ length: Math.min(5_000, CONTACTS - start) }, (_, k) => {
        const i = start + k;
        return {
          id: String(100_000 + i),
          properties: {
            jobtitle: titles[i % titles.length]!,
            recent_conversion_event_name: i % 3 ? 'Newsletter: get a quote' : 'Webinar',
            recent_conversion_date: new Date(Date.now() - (i % 40) * 86_400_000).toISOString(),
          },
          company: { numberofemployees: String(20 + (i % 2_000)), industry: 'MACHINERY' },
        };
      });
      await store.contacts.upsertMany(PORTAL, page, Date.now());
    }
  } finally {
    await store.close();
  }
}

/** Sequential /healthz probes until `until` settles (or `count` probes when it is undefined): each answer time in ms. */
async function probe(url: string, until?: Promise<unknown>, count = IDLE_PROBES): Promise<number[]> {
  let done = false;
  void until?.finally(() => (done = true));
  const times: number[] = [];
  while (until ? !done : times.length < count) {
    const started = performance.now();
    const answer = await fetch(`${url}/healthz`);
    await answer.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  return times;
}

/** A signed `POST /api/simulate` of the example agreement, as the settings page sends it. */
function simulate(url: string): Promise<Response> {
  const query = `/api/simulate?userId=1&userEmail=m%40bench.test&appId=1&portalId=${PORTAL}`;
  const body = JSON.stringify({ agreement: example });
  const headers = signHubSpotRequest({
    clientSecret: BENCH_CLIENT_SECRET,
    method: 'POST',
    url: BENCH_BASE_URL + query,
    body,
  });
  return fetch(url + query, { method: 'POST', body, headers });
}

/**
 * `/healthz` answer time while a simulation of the largest portal the budget allows runs in the real service
 * (SQLite, `serve --role web`, loopback), against the same probes with nothing running (DESIGN.md section 8, Dec 2026).
 */
export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-healthz-bench-'));
  const dataDir = path.join(dir, 'data');
  await seed(dataDir);
  const service = await startServiceProcess(
    {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: '0',
      HUBSPOT_CLIENT_ID: 'bench-client-id',
      HUBSPOT_CLIENT_SECRET: BENCH_CLIENT_SECRET,
      PUBLIC_BASE_URL: BENCH_BASE_URL,
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    path.join(dir, 'service.log'),
  );
  try {
    // Warm-up (JIT, statement cache, the compiled agreements), not measured, as the card bench does.
    await (await simulate(service.url)).arrayBuffer();
    const idle = await probe(service.url);
    const started = performance.now();
    const simulation = simulate(service.url);
    const during = await probe(service.url, simulation);
    const answer = await simulation;
    const seconds = (performance.now() - started) / 1000;
    const { contactsEvaluated } = (await answer.json()) as { contactsEvaluated?: number };
    if (answer.status !== 200) throw new Error(`simulate answered ${answer.status}`);
    return [
      {
        name: `/healthz p99 while simulating ${CONTACTS.toLocaleString('en-US')} contacts`,
        measured: Math.round(percentile(during, 99) * 10) / 10,
        unit: 'ms',
        budget: { atMost: 50 },
        peer: { name: '/healthz p99 idle', measured: Math.round(percentile(idle, 99) * 10) / 10 },
        note: `${during.length} probes, max ${Math.round(Math.max(...during))} ms; the simulation took ${seconds.toFixed(1)} s for ${contactsEvaluated ?? '?'} contacts`,
      },
    ];
  } finally {
    await service.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
