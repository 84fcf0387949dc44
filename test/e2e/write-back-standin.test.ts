import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HubSpotGateway } from '../../src/hubspot/hubspot-gateway';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { createStandin } from '../../src/standin/create-standin';
import { generateSeed } from '../../src/standin/generate-seed';
import { createStore, type Store } from '../../src/store/create-store';
import { drainOutbox } from '../../src/use-cases/write-back/drain-outbox';

const PORTAL = '31337';
const LIMIT = 5;

/** A seeded random source, so injected 503s fall the same way on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('write-back against the HubSpot stand-in', () => {
  /**
   * The properties exist before any write (HubSpot refuses others). The stand-in's 503s and 429s (the install takes
   * more requests than this window allows) are retried 10 s later, as a job would be.
   */
  async function createPropertiesAsAnInstallDoes(gateway: HubSpotGateway, clock: { t: number }) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await gateway.ensureProperties();
      } catch (error) {
        if (attempt === 20) throw error;
        clock.t += 10_000;
      }
    }
  }
  let store: Store;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-e2e-write-back-'));
    store = await createStore({ dataDir });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('When 2,000 contacts wait and HubSpot fails one request in five, then every contact ends with its outbox values and no window exceeds the ceiling', async () => {
    const clock = { t: Date.parse('2026-11-27T09:00:00Z') };
    const now = () => clock.t;
    const standin = createStandin({
      seed: generateSeed({ contacts: 2000 }),
      perTenSeconds: LIMIT,
      failureRate: 0.2,
      random: seeded(7),
      now,
    });
    const server = await standin.listen(0, '127.0.0.1');
    try {
      const gateway = createApiClientGateway({ accessToken: 'e2e-token', basePath: server.url });
      await createPropertiesAsAnInstallDoes(gateway, clock);
      standin.state.stats.rateLimited.TEN_SECONDLY_ROLLING = 0;
      clock.t += 10_000; // the install's requests have left the window
      const writes = Array.from({ length: 2000 }, (_, i) => ({
        contactId: String(i + 1),
        properties: { lead_pact_score: String(i % 101), lead_pact_reasons: `e2e ${i + 1}` },
      }));
      await store.outbox.enqueueMany(PORTAL, writes, now());

      const result = await drainOutbox(store, {
        portalId: PORTAL,
        limitPer10s: LIMIT,
        gateway,
        now,
        sleep: async (ms) => {
          clock.t += ms;
        },
        maxRunMs: 3_600_000,
      });

      expect(result.outcome).toBe('drained');
      expect(standin.state.stats.injectedFailures).toBeGreaterThan(0);
      expect(standin.state.stats.rateLimited.TEN_SECONDLY_ROLLING).toBe(0);
      const at = standin.state.updates.map((u) => u.at);
      expect(
        Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 10_000).length)),
      ).toBeLessThanOrEqual(LIMIT);
      const differing = writes.filter((w) => {
        const stored = standin.state.contacts.get(w.contactId)?.properties ?? {};
        return Object.entries(w.properties).some(([name, value]) => stored[name] !== value);
      });
      expect(differing).toEqual([]);
      expect(await store.outbox.counts(PORTAL)).toEqual({ pending: 0, sent: 2000, rejected: 0 });
    } finally {
      await server.close();
    }
  });
});
