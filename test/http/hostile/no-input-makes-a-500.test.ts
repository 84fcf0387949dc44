import fc from 'fast-check';
import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import {
  CLIENT_SECRET,
  PORTAL_A,
  PORTAL_B,
  PUBLIC_BASE_URL,
  signedPath,
  USER_IDS,
} from '../routes/api-harness';
import { activateExample, connectPortal, EXAMPLE_AGREEMENT, storeContacts } from '../routes/api-seed';
import { startFullApp, type FullApp, type RouteEntry } from './full-app';

/*
 * Every route of the web app (read from the routers themselves), driven with generated query strings and bodies,
 * signed as hubspot.fetch signs and unsigned: no answer is a 5xx. The app runs in this process, so an unhandled
 * rejection anywhere in a request fails the running property (Jest fails a test on one; each run waits a tick).
 */

jest.setTimeout(240_000);

let app: FullApp;

beforeAll(async () => {
  app = await startFullApp();
  await connectPortal(app, PORTAL_A);
  await activateExample(app, PORTAL_A);
  await storeContacts(app, PORTAL_A);
});
afterAll(async () => {
  await app.close();
});

const months = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: -1, max: 13 }))
  .map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
const oddText = fc.constantFrom(
  '%',
  '%ZZ',
  '%00',
  '%E0%A4%A',
  '[]',
  '__proto__',
  'constructor',
  '',
  ' ',
  '-1',
);
const value = fc.oneof(
  months,
  fc.constantFrom('9999-12', '0000-01', '2026-11', '1999-12', '2101-01'),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  oddText,
);
const key = fc.oneof(
  { arbitrary: fc.constant('month'), weight: 3 },
  { arbitrary: fc.constant('objectId'), weight: 2 },
  fc.constantFrom('portalId', 'userId', 'appId', 'code', 'state', 'error', 'version', 'types'),
  fc.string({ maxLength: 8 }),
);
/** A query string; some parts left raw (malformed percent-encoding on purpose). */
const query = fc.array(fc.tuple(key, value, fc.boolean()), { maxLength: 4 }).map((pairs) =>
  pairs
    .map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
    .join('&')
    .replace(/[\s#]/g, ''),
);
/** Bodies shaped like the API's and not: any JSON, mutated agreements, deep nesting, text. */
const anything = fc.jsonValue({ maxDepth: 3 });
const body = fc.oneof(
  anything.map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        objectId: fc.oneof(fc.constantFrom('101', '102', '999'), anything),
        verdict: fc.oneof(fc.constantFrom('accepted', 'rejected'), anything),
        reason: fc.oneof(fc.constantFrom('too_small', 'other'), anything),
        version: fc.oneof(fc.integer({ min: -2, max: 5 }), anything),
        rationale: fc.oneof(fc.string(), anything),
        comment: fc.oneof(fc.string(), anything),
        actingAs: fc.oneof(fc.constantFrom('marketing', 'sales'), anything),
        requestId: fc.oneof(fc.uuid(), anything),
        month: fc.oneof(months, anything),
        marketingTeamIds: fc.oneof(fc.array(fc.constantFrom('11', '22', '33')), anything),
        salesTeamIds: fc.oneof(fc.array(fc.constantFrom('11', '22', '33')), anything),
        agreement: fc.oneof(
          fc.constant(EXAMPLE_AGREEMENT as unknown),
          fc
            .tuple(
              fc.constantFrom('name', 'fit', 'intent', 'sla', 'capacity', 'handoff', 'routing'),
              anything,
            )
            .map(([field, v]) => ({ ...EXAMPLE_AGREEMENT, [field]: v })),
          anything,
        ),
      },
      { requiredKeys: [] },
    )
    .map((record) => JSON.stringify(record)),
  fc.integer({ min: 1, max: 2000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.string(),
);

const PROBE_ROUTES: RouteEntry[] = [
  { method: 'GET', path: '/api/nowhere' },
  { method: 'POST', path: '/webhooks/nowhere' },
];
/** A route as listed, or as a sloppy client spells it (case, trailing or doubled slash, an escaped letter). */
const routeArb = () =>
  fc
    .tuple(
      fc.constantFrom(...app.routes, ...PROBE_ROUTES),
      fc.constantFrom('same', 'upper', 'slash', 'double', 'escaped'),
    )
    .map(([route, spelling]): RouteEntry => {
      const spelled = {
        same: route.path,
        upper: route.path.toUpperCase(),
        slash: `${route.path}/`,
        double: route.path.replace('/', '//'),
        escaped: route.path.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`),
      }[spelling];
      return { method: route.method, path: spelled };
    });
const tick = () => new Promise((resolve) => setImmediate(resolve));
/** What an unsigned caller puts in the signature headers: nothing, garbage with a fresh or stale time, or a mess. */
const forged = fc.oneof(
  fc.constant({}),
  fc.record({
    'x-hubspot-signature-v3': fc.base64String({ minLength: 4, maxLength: 44 }),
    'x-hubspot-request-timestamp': fc.oneof(
      fc.constant(String(Date.now())),
      fc.constant(String(Date.now() - 3_600_000)),
      fc.string({ maxLength: 20 }),
    ),
  }),
);

/** One request; GET and HEAD go without a body (fetch cannot send one). */
async function send(
  route: RouteEntry,
  q: string,
  text: string,
  signedAs?: { portalId: number; user: string },
  extraHeaders: Record<string, string> = {},
) {
  const withBody = route.method !== 'GET' && route.method !== 'HEAD';
  const payload = withBody ? text : undefined;
  const bare = q ? `${route.path}?${q}` : route.path;
  const options = { method: route.method, body: payload, redirect: 'manual' } as const;
  if (!signedAs) {
    const headers = { 'content-type': 'application/json', ...extraHeaders };
    return fetch(app.url + bare, { ...options, headers });
  }
  const full = signedPath(bare, signedAs.portalId, USER_IDS[signedAs.user] ?? 0);
  const headers = signHubSpotRequest({
    clientSecret: CLIENT_SECRET,
    method: route.method,
    url: PUBLIC_BASE_URL + full,
    body: payload,
  });
  return fetch(app.url + full, { ...options, headers });
}

const failure = async (res: Response) => `${res.status} ${await res.text()}`;

describe('no input makes a 500', () => {
  it('When any route gets a generated signed request, then the answer is never a 5xx', async () => {
    const caller = fc.record({
      portalId: fc.constantFrom(PORTAL_A, PORTAL_B, 3003),
      user: fc.constantFrom('m1', 's1', 'both', 'nobody'),
    });
    await fc.assert(
      fc.asyncProperty(routeArb(), query, body, caller, async (route, q, text, signedAs) => {
        const res = await send(route, q, text, signedAs);
        const answer = res.status >= 500 ? await failure(res) : (await res.arrayBuffer(), '');
        await tick();
        expect(answer).toBe('');
      }),
      { numRuns: 1500 },
    );
  });

  it('When any route gets a generated unsigned request, then the answer is never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(routeArb(), query, body, forged, async (route, q, text, headers) => {
        const res = await send(route, q, text, undefined, headers);
        const answer = res.status >= 500 ? await failure(res) : (await res.arrayBuffer(), '');
        await tick();
        expect(answer).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it.each(['9999-12', '0000-01', '1999-12', '2101-01'])(
    'When the report is asked for month %s, outside 2000-01..2100-12, then 400 names month',
    async (month) => {
      const res = await app.call('GET', `/api/report?month=${month}`, { portalId: PORTAL_A, user: 'm1' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { details: [{ path: 'month' }] } });
    },
  );

  it('When the report is asked for the first and last month of the range, then it answers', async () => {
    for (const month of ['2000-01', '2100-12']) {
      const res = await app.call('GET', `/api/report?month=${month}`, { portalId: PORTAL_A, user: 'm1' });
      expect([month, res.status]).toEqual([month, 200]);
    }
  });

  it('When a simulation names a month outside the range, then 400 names month', async () => {
    const body = { agreement: EXAMPLE_AGREEMENT, month: '9999-12' };
    const res = await app.call('POST', '/api/simulate', { portalId: PORTAL_A, user: 'm1', body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { details: [{ path: 'month' }] } });
  });
});
