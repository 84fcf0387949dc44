import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { createStore, type Store } from '../../../src/store/create-store';
import { tempPostgres, tempSqlite, type TestDatabase } from '../../store/test-databases';

export const API = 'https://api.hubapi.com';
export const PORTAL = '4242';
export const START = Date.parse('2026-11-27T09:00:00.000Z');

/** A store on one engine, a fake clock whose sleep advances time, and a gateway aimed at nock. */
export interface Harness {
  store: Store;
  clock: { now: () => number; sleep: (ms: number) => Promise<void>; t: number };
  gateway: ReturnType<typeof createApiClientGateway>;
  close(): Promise<void>;
}

/** Opens a fresh store with one connected portal. */
export async function openHarness(engine: 'sqlite' | 'postgres'): Promise<Harness> {
  const db: TestDatabase = engine === 'sqlite' ? tempSqlite() : await tempPostgres();
  const store = await createStore(db.options);
  await store.installations.connect(PORTAL, null, [], START);
  const clock = {
    t: START,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return {
    store,
    clock,
    gateway: createApiClientGateway({ accessToken: 'token-abc', basePath: API }),
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
}

/** `n` outbox writes for contacts 1..n (or the given ids). */
export function writes(ids: readonly string[], tier = 'sales_ready') {
  return ids.map((contactId) => ({ contactId, properties: { lead_pact_tier: tier } }));
}

/** Ids "1".."n". */
export const idsUpTo = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(from + i));
