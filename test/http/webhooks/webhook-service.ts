import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type Role, type RunningService } from '../../../src/main';
import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import { createStore, type Store } from '../../../src/store/create-store';

export const SECRET = 'webhook-test-client-secret';
export const PUBLIC_URL = 'https://leadpact.example.com';
export const PORTAL = 62515;

/** The real service on port 0 over a temporary SQLite file, plus a second store handle to look inside. */
export interface TestService {
  service: RunningService;
  store: Store;
  /** Posts a body to /webhooks/hubspot, signed as HubSpot would unless `headers` overrides. */
  post(body: string, headers?: Record<string, string>, timestamp?: number): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the service with a static token for PORTAL; `env` adds or overrides variables. */
export async function startTestService(role: Role, env: Record<string, string> = {}): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lead-pact-webhooks-'));
  const service = await startService(role, {
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    HUBSPOT_CLIENT_SECRET: SECRET,
    PUBLIC_BASE_URL: PUBLIC_URL,
    HUBSPOT_ACCESS_TOKEN: 'pat-test-token',
    HUBSPOT_PORTAL_ID: String(PORTAL),
    ...env,
  });
  const store = await createStore({ dataDir });
  const post = (body: string, headers?: Record<string, string>, timestamp?: number) =>
    fetch(`${service.url}/webhooks/hubspot`, {
      method: 'POST',
      body,
      headers: headers ?? {
        ...signHubSpotRequest({
          clientSecret: SECRET,
          method: 'POST',
          url: `${PUBLIC_URL}/webhooks/hubspot`,
          body,
          timestamp,
        }),
      },
    });
  return {
    service,
    store,
    post,
    async stop() {
      await service.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let nextEventId = 5000;

/** One generic-format contact event as HubSpot posts it. */
export function contactEvent(
  subscriptionType: string,
  objectId: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  nextEventId += 1;
  return {
    eventId: nextEventId,
    subscriptionId: 2881778,
    portalId: PORTAL,
    appId: 456789,
    attemptNumber: 0,
    changeSource: 'CRM',
    occurredAt: 1764230400000 + nextEventId,
    subscriptionType,
    objectId,
    objectTypeId: '0-1',
    ...extra,
  };
}
