import { startFullApp, type FullApp } from './full-app';

/** Hub IDs distinctive enough that no other number on a page (metrics, dates) contains them. */
const CONNECTED = '90817263';
const DISCONNECTED = '81726354';
const PAUSED = '72635445';
const HUB_IDS = new RegExp(`${CONNECTED}|${DISCONNECTED}|${PAUSED}`);

let app: FullApp;

beforeAll(async () => {
  app = await startFullApp();
  const now = Date.now();
  for (const id of [CONNECTED, DISCONNECTED, PAUSED])
    await app.store.installations.connect(id, null, [], now);
  await app.store.installations.setStatus(DISCONNECTED, 'disconnected', 'the app was uninstalled', now);
  await app.store.rateBudget.pauseUntil(PAUSED, now + 6 * 3_600_000, now);
});
afterAll(async () => {
  await app.close();
});

/** Everything an unsigned GET shows: status line, headers (a redirect's Location too) and body. */
async function shown(path: string): Promise<string> {
  const res = await fetch(app.url + path, { redirect: 'manual' });
  return `${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`;
}

describe('public pages and probes show no Hub IDs', () => {
  it('When portals are connected, disconnected and paused, then no unsigned GET of any route shows their ids', async () => {
    const paths = app.routes
      .filter((r) => r.method === 'GET' && !r.path.startsWith('/api'))
      .map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/', '/healthz', '/readyz', '/metrics', '/oauth/callback']),
    );
    for (const path of [...paths, '/api/card', '/webhooks/hubspot', '/nowhere']) {
      expect([path, (await shown(path)).match(HUB_IDS)?.[0]]).toEqual([path, undefined]);
    }
  });

  it('When portals have problems, then /readyz counts them and says what to do', async () => {
    const report = (await (await fetch(`${app.url}/readyz`)).json()) as {
      portals: unknown;
      notices: string[];
    };
    expect(report.portals).toEqual({ disconnected: 1, paused: 1 });
    expect(report.notices).toEqual([
      expect.stringMatching(/^1 portal is disconnected \(the app was uninstalled\): reinstall the app/),
      expect.stringMatching(/^1 portal reached HubSpot's daily API limit/),
    ]);
  });

  it('When portals are connected, then the home page counts them', async () => {
    expect(await (await fetch(`${app.url}/`)).text()).toContain('connected to HubSpot (2 portals)');
  });
});
