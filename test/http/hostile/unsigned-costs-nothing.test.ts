import { request } from 'node:http';
import { connect } from 'node:net';
import { WEBHOOK_BODY_MAX_BYTES } from '../../../src/http/routes/webhooks-router';
import { API_BODY_LIMITS } from '../../../src/http/routes/api-body-limits';
import { signHubSpotRequest } from '../../../src/standin/sign-hubspot-request';
import { CLIENT_SECRET, PORTAL_A, PUBLIC_BASE_URL, signedPath, USER_IDS } from '../routes/api-harness';
import { connectPortal, DIRECTOR, storeContacts } from '../routes/api-seed';
import { metricOf, startFullApp, type FullApp } from './full-app';

let app: FullApp;

beforeAll(async () => {
  app = await startFullApp();
  await connectPortal(app, PORTAL_A);
  await storeContacts(app, PORTAL_A);
});
afterAll(async () => {
  await app.close();
});

/** 1 MB of `[[[...]]]`: the body that once took the card API from 2,400 to 1.6 requests per second. */
const NESTED = '['.repeat(512 * 1024) + ']'.repeat(512 * 1024);

const metric = (name: string) => metricOf(app, name);

/** Runs `send` with JSON.parse watched; resolves with the calls that saw a string at least `minLength` long. */
async function bigParses(minLength: number, send: () => Promise<void>): Promise<number> {
  const parse = jest.spyOn(JSON, 'parse');
  try {
    await send();
    return parse.mock.calls.filter(([text]) => String(text).length >= minLength).length;
  } finally {
    parse.mockRestore();
  }
}

/** Any method with a body, even GET (fetch refuses a GET body; HTTP does not), on a connection of its own. */
function send(
  method: string,
  path: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // Node's client sends no length for a GET body unless told: the server would see it as the next request.
    const length = { 'content-length': String(Buffer.byteLength(body)) };
    const req = request(
      `${app.url}${path}`,
      { method, headers: { ...headers, ...length }, agent: false },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('an unsigned request costs nothing', () => {
  it('When an unsigned 1 MB nested [[[...]]] is posted to every path, then each is refused and nothing parses it', async () => {
    const paths = [...new Set([...app.routes.map((r) => r.path), '/api/nowhere', '/nowhere'])];
    const parsedBefore = await metric('lead_pact_request_bodies_parsed_total');
    const statuses = new Map<string, number>();
    const parses = await bigParses(NESTED.length, async () => {
      for (const path of paths) statuses.set(path, (await send('POST', path, NESTED)).status);
    });
    expect(parses).toBe(0);
    expect(await metric('lead_pact_request_bodies_parsed_total')).toBe(parsedBefore);
    for (const [path, status] of statuses) {
      const signedPost = ['/webhooks/hubspot', '/workflow-actions/qualify'].includes(path);
      const expected = signedPost || path.startsWith('/api') ? 401 : 404;
      expect([path, status]).toEqual([path, expected]);
    }
  });

  it('When an unsigned request is refused before its body arrived, then the connection closes, the rest unread', async () => {
    const { port } = new URL(app.url);
    const head = 'POST /api/card/verdict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json';
    // 1 MB announced, 4 bytes sent: the server answers and hangs up instead of waiting for (or reading) the rest.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.write(`${head}\r\nContent-Length: 1048576\r\n\r\n[[[[`),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('When a route without a signature gets a JSON body, then it answers as usual and never parses it', async () => {
    const parsedBefore = await metric('lead_pact_request_bodies_parsed_total');
    const parses = await bigParses(10, async () => {
      for (const path of ['/healthz', '/readyz', '/', '/oauth/callback?code=x&state=y']) {
        const { status } = await send('GET', path, '{"portalId": 1001, "padding": "xxxxxxxxxx"}');
        expect(status).toBeLessThan(500);
      }
    });
    expect(parses).toBe(0);
    expect(await metric('lead_pact_request_bodies_parsed_total')).toBe(parsedBefore);
  });

  it('When a request carries a signature of other bytes, then it is refused after reading and never parsed', async () => {
    const path = signedPath('/api/card/verdict', PORTAL_A, USER_IDS.s1!);
    // Fresh headers signed over another body: all an attacker without the client secret can send.
    const headers = signHubSpotRequest({
      clientSecret: CLIENT_SECRET,
      method: 'POST',
      url: PUBLIC_BASE_URL + path,
      body: '[]',
    });
    const body = '['.repeat(1000) + ']'.repeat(1000);
    const mismatches = await metric('lead_pact_signature_checks_total{outcome="mismatch"}');
    const parses = await bigParses(body.length, async () => {
      expect((await send('POST', path, body, headers)).status).toBe(401);
    });
    expect(parses).toBe(0);
    expect(await metric('lead_pact_signature_checks_total{outcome="mismatch"}')).toBe(mismatches + 1);
  });
});

describe('each signed route reads at most what it carries', () => {
  it('When a signed verdict is over its route bound, then 413 names the bound and nothing is stored', async () => {
    const bound = API_BODY_LIMITS['POST /api/card/verdict']!;
    const body = { objectId: DIRECTOR.id, verdict: 'rejected', reason: 'other', note: 'x'.repeat(bound) };
    const res = await app.call('POST', '/api/card/verdict', { portalId: PORTAL_A, user: 's1', body });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: {
        code: 'payload_too_large',
        message: `The request body is larger than the ${bound} bytes this route accepts.`,
        details: [{ path: 'body', message: `at most ${bound} bytes` }],
      },
    });
    expect(await app.store.verdicts.forContact(String(PORTAL_A), DIRECTOR.id)).toEqual([]);
  });

  it('When a signed GET carries a body, then 413: the route takes none', async () => {
    const path = signedPath(`/api/card?objectId=${DIRECTOR.id}`, PORTAL_A, USER_IDS.s1!);
    const url = PUBLIC_BASE_URL + path;
    const headers = signHubSpotRequest({ clientSecret: CLIENT_SECRET, method: 'GET', url, body: '{}' });
    const { status, text } = await send('GET', path, '{}', headers);
    expect(status).toBe(413);
    expect(JSON.parse(text)).toMatchObject({ error: { message: 'This route takes no request body.' } });
  });

  it('When a signed webhook delivery is over 1 MB, then 413 and no event is stored', async () => {
    const event = { eventId: 1, portalId: PORTAL_A, subscriptionType: 'object.creation', objectId: 1 };
    const padding = 'x'.repeat(WEBHOOK_BODY_MAX_BYTES);
    const body = JSON.stringify([{ ...event, propertyValue: padding }]);
    const res = await app.call('POST', '/webhooks/hubspot', { portalId: PORTAL_A, user: 's1', body });
    expect(res.status).toBe(413);
    expect(await app.store.inbox.pending(String(PORTAL_A), 1)).toEqual([]);
  });
});
