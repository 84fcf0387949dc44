import { computeSignatureV2 } from '../../../src/hubspot/verify-signature';
import { CLIENT_SECRET, PORTAL_A, PUBLIC_BASE_URL, signedPath, USER_IDS } from '../routes/api-harness';
import { connectPortal, DIRECTOR, storeContacts } from '../routes/api-seed';
import { metricOf, startFullApp, type FullApp } from './full-app';

/**
 * A v2 signature has no timestamp: a request captured once verifies for ever. Only the workflow action takes it
 * (its executions apply once per callbackId); every other signed route stays v3-only and refuses it unread.
 */
let app: FullApp;

beforeAll(async () => {
  app = await startFullApp();
  await connectPortal(app, PORTAL_A);
  await storeContacts(app, PORTAL_A);
});
afterAll(async () => {
  await app.close();
});

const metric = (name: string) => metricOf(app, name);

/** The request signed with a valid v2 signature only, as HubSpot's v2 recipe builds it. */
function sendV2(method: string, path: string, body?: string): Promise<Response> {
  const signature = computeSignatureV2(CLIENT_SECRET, method, PUBLIC_BASE_URL + path, body ?? '');
  return fetch(app.url + path, {
    method,
    body,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-version': 'v2',
      'x-hubspot-signature': signature,
    },
  });
}

const signedByHubSpot = (path: string) =>
  path.startsWith('/webhooks') || path.startsWith('/api') || path.startsWith('/workflow-actions');

describe('a v2-only signature', () => {
  it('When the card is fetched with a valid v2 signature only, then 401 and the card is not shown', async () => {
    const path = signedPath(`/api/card?objectId=${DIRECTOR.id}`, PORTAL_A, USER_IDS.s1!);
    const res = await sendV2('GET', path);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('When a verdict is posted with a valid v2 signature only, then 401 and nothing is recorded', async () => {
    const path = signedPath('/api/card/verdict', PORTAL_A, USER_IDS.s1!);
    const body = JSON.stringify({ objectId: DIRECTOR.id, verdict: 'rejected', reason: 'other' });
    expect((await sendV2('POST', path, body)).status).toBe(401);
    expect(await app.store.verdicts.forContact(String(PORTAL_A), DIRECTOR.id)).toEqual([]);
  });

  it('When every signed route but the workflow action gets a valid v2-only request, then each refuses it before reading its body', async () => {
    const routes = app.routes.filter(
      (r) => signedByHubSpot(r.path) && !r.path.startsWith('/workflow-actions'),
    );
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/webhooks/hubspot', '/api/card', '/api/settings/teams']),
    );
    const parsed = await metric('lead_pact_request_bodies_parsed_total');
    // Refused at the headers: the failure counted before a body is read.
    const unread = await metric('lead_pact_signature_checks_total{outcome="missing_headers"}');
    for (const { method, path: route } of routes) {
      const bare = route.replace(/:\w+/g, '1');
      const path = bare.startsWith('/api') ? signedPath(bare, PORTAL_A, USER_IDS.admin!) : bare;
      const body = method === 'GET' ? undefined : '{}';
      expect([method, route, (await sendV2(method, path, body)).status]).toEqual([method, route, 401]);
    }
    expect(await metric('lead_pact_request_bodies_parsed_total')).toBe(parsed);
    expect(await metric('lead_pact_signature_checks_total{outcome="missing_headers"}')).toBe(
      unread + routes.length,
    );
  });

  it('When the workflow action gets a valid v2-only request, then it is taken', async () => {
    const body = JSON.stringify({
      callbackId: 'ap-1001-1-1-0',
      origin: { portalId: PORTAL_A },
      object: { objectId: Number(DIRECTOR.id), objectType: 'CONTACT' },
      inputFields: {},
    });
    // Verified and answered: this portal approved no agreement yet, which the workflow's history shows.
    const res = await sendV2('POST', '/workflow-actions/qualify', body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      outputFields: { hs_execution_state: 'FAIL_CONTINUE', errorCode: 'NO_APPROVED_AGREEMENT' },
    });
  });
});
