import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../../src/http/create-app';
import { createReadiness } from '../../../src/http/readiness';
import { apiRouters, type ApiDeps } from '../../../src/composition/api-routers';
import { startWebServer, stopWebServer, type WebServer } from '../../../src/http/web-server';
import { createLogger } from '../../../src/logger';
import { metricsRegistry } from '../../../src/metrics';
import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import { createStore, type Store } from '../../../src/store/create-store';
import type { TestDatabase } from '../../store/test-databases';

export const CLIENT_SECRET = 'test-client-secret-for-signatures';
export const PUBLIC_BASE_URL = 'https://lead-pact.example.test';

/** The app's config in the HTTP tests: this harness's client secret and public URL, HubSpot at `apiBaseUrl`. */
export function testAppConfig(apiBaseUrl: string) {
  return {
    hubspot: {
      clientSecret: CLIENT_SECRET,
      clientId: 'id',
      accessToken: undefined,
      portalId: undefined,
      apiBaseUrl,
      requestsPer10s: 100,
    },
    publicBaseUrl: PUBLIC_BASE_URL,
  };
}
/** The fixed "now" of every API test: 2026-11-27 09:00 UTC (18:00 in Tokyo). */
export const NOW = Date.parse('2026-11-27T09:00:00Z');
export const DAY = 86_400_000;
export const PORTAL_A = 1001;
export const PORTAL_B = 2002;
/**
 * HubSpot team ids: 11 is marketing, 22 is sales once mapped; users m1, m2 (marketing), s1 (sales), both (both),
 * nobody (no team) and admin, a HubSpot super admin in no team: the one who may change the mapping.
 */
export const TEAMS: Record<string, string[]> = {
  m1: ['11'],
  m2: ['11'],
  s1: ['22'],
  both: ['11', '22'],
  nobody: [],
  admin: [],
};
export const USER_IDS: Record<string, number> = {
  m1: 501,
  m2: 502,
  s1: 601,
  both: 701,
  nobody: 801,
  admin: 901,
};
/** Who HubSpot says is a super admin of every test portal. */
export const SUPER_ADMINS = new Set([String(USER_IDS.admin)]);
const teamsById = new Map(Object.entries(USER_IDS).map(([name, id]) => [String(id), TEAMS[name] ?? []]));

/** A running API over a fresh SQLite store, called over HTTP with HubSpot-signed requests. */
export interface Api {
  store: Store;
  url: string;
  /** Signs as hubspot.fetch does for `user` of `portalId` (both appended to the URL HubSpot signs). */
  call(
    method: string,
    pathAndQuery: string,
    options: { portalId: number; user: string; body?: unknown },
  ): Promise<Response>;
  /**
   * One signed request, sent as often as asked with the very same bytes (URL, headers, body): what HubSpot does when
   * `hubspot.fetch` retries after a connection failure or a 5xx.
   */
  signed(
    method: string,
    pathAndQuery: string,
    options: { portalId: number; user: string; body?: unknown },
  ): () => Promise<Response>;
  close(): Promise<void>;
}

/** The URL hubspot.fetch calls: the path with HubSpot's userId, userEmail, appId and portalId appended. */
export function signedPath(pathAndQuery: string, portalId: number, userId: number): string {
  const sep = pathAndQuery.includes('?') ? '&' : '?';
  return `${pathAndQuery}${sep}userId=${userId}&userEmail=u${userId}%40example.com&appId=77&portalId=${portalId}`;
}

/**
 * Starts the real app (createApp + the API routers) on port 0 with a temp SQLite DATA_DIR, or on `database` (dropped
 * on close); HubSpot only if given. Super admins are SUPER_ADMINS unless `superAdmins` says otherwise.
 */
export async function startApi(
  options: Pick<ApiDeps, 'gatewayFor' | 'superAdmins'> & { database?: TestDatabase } = {},
): Promise<Api> {
  const { database, ...deps } = options;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lead-pact-api-'));
  const store = await createStore(database?.options ?? { dataDir });
  const logger = createLogger({ level: 'silent' });
  const config = testAppConfig('x');
  const userTeams = { teamIdsOf: async (_portal: string, userId: string) => teamsById.get(userId) ?? [] };
  const superAdmins = { isSuperAdmin: async (_portal: string, userId: string) => SUPER_ADMINS.has(userId) };
  const clock = { now: () => NOW };
  const routers = apiRouters({ config, store, userTeams, superAdmins, clock, logger, ...deps });
  const readiness = createReadiness({ store, logger });
  const web: WebServer = await startWebServer(
    createApp({ logger, readiness, metrics: metricsRegistry, routers }),
    0,
    '127.0.0.1',
  );
  const signed: Api['signed'] = (method, pathAndQuery, { portalId, user, body }) => {
    const full = signedPath(pathAndQuery, portalId, USER_IDS[user] ?? 0);
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers = signHubSpotRequest({
      clientSecret: CLIENT_SECRET,
      method,
      url: PUBLIC_BASE_URL + full,
      body: text,
    });
    return () => fetch(web.url + full, { method, headers, body: text });
  };
  return {
    store,
    url: web.url,
    call: (method, pathAndQuery, options) => signed(method, pathAndQuery, options)(),
    signed,
    async close() {
      await stopWebServer(web);
      await store.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
