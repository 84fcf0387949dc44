import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiClientGateway } from '../src/hubspot/api-client-gateway';
import { createStandin } from '../src/standin/create-standin';
import { generateSeed } from '../src/standin/generate-seed';
import { createStore } from '../src/store/create-store';
import { drainOutbox } from '../src/use-cases/write-back/drain-outbox';
import type { BenchRow } from './harness';

/** HUBSPOT_REQUESTS_PER_10S for the run; the stand-in enforces the same rolling window. */
const CEILING = Number(process.env.WRITE_BACK_BENCH_CEILING ?? 100);
/** Full 10-second windows measured (the run lasts about this many windows). */
const WINDOWS = Number(process.env.WRITE_BACK_BENCH_WINDOWS ?? 3);
const PORTAL = '1000001';
const WINDOW_MS = 10_000;

/** Every contact gets its own values, so a lost or stale write shows up in the comparison. */
function outboxWrites(contacts: number) {
  return Array.from({ length: contacts }, (_, i) => ({
    contactId: String(i + 1),
    properties: { lead_pact_score: String(i % 101), lead_pact_reasons: `bench write ${i + 1}` },
  }));
}

/** Contacts whose properties at the stand-in differ from what the outbox holds for them. */
function lostWrites(
  expected: ReturnType<typeof outboxWrites>,
  at: (id: string) => Record<string, string | null> | undefined,
): number {
  return expected.filter((w) => {
    const actual = at(w.contactId);
    return !actual || Object.entries(w.properties).some(([name, value]) => actual[name] !== value);
  }).length;
}

/** Write-back against the stand-in: one batch per 100 contacts, enough work for WINDOWS windows plus one batch. */
export async function run(): Promise<BenchRow[]> {
  const contacts = (CEILING * WINDOWS + 1) * 100;
  const standin = createStandin({
    seed: generateSeed({ contacts }),
    perTenSeconds: CEILING,
    failureRate: 0,
  });
  const server = await standin.listen(0, '127.0.0.1');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-write-back-bench-'));
  const store = await createStore({ dataDir });
  try {
    // The portal was installed long before: its properties exist (HubSpot refuses writes naming others). The install
    // runs on a token of its own so its requests stay out of the measured token's window.
    await createApiClientGateway({ accessToken: 'install-token', basePath: server.url }).ensureProperties();
    const writes = outboxWrites(contacts);
    await store.outbox.enqueueMany(PORTAL, writes, Date.now());
    const gateway = createApiClientGateway({ accessToken: 'bench-token', basePath: server.url });
    const result = await drainOutbox(store, {
      portalId: PORTAL,
      limitPer10s: CEILING,
      gateway,
      maxRunMs: (WINDOWS + 3) * WINDOW_MS,
    });
    const updates = standin.state.updates.filter((u) => u.status < 300);
    const first = updates[0]?.at ?? 0;
    const inWindows = updates.filter((u) => u.at < first + WINDOWS * WINDOW_MS).length;
    const lost =
      lostWrites(writes, (id) => standin.state.contacts.get(id)?.properties) +
      (await store.outbox.counts(PORTAL)).pending;
    const limited = standin.state.stats.rateLimited.TEN_SECONDLY_ROLLING;
    const note = `${contacts} contacts, ${result.requests} batch updates, ${limited} answered 429, outcome ${result.outcome}`;
    return [
      {
        name: `write-back requests per 10 s over ${WINDOWS} windows (ceiling ${CEILING})`,
        measured: inWindows / WINDOWS,
        unit: 'req/10 s',
        peer: { name: 'configured ceiling', measured: CEILING },
        ratioBudget: { atLeast: 0.95 },
        note,
      },
      { name: 'write-back contacts lost', measured: lost, unit: 'contacts', budget: { atMost: 0 } },
    ];
  } finally {
    await store.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
