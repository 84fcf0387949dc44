import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireHubSpotSignature, signedContext } from '../../src/hubspot/require-hubspot-signature';
import { computeSignatureV3 } from '../../src/hubspot/verify-signature';
import { firstAnswer } from './raw-request';

const secret = 'client-secret-for-tests';
const publicBaseUrl = 'https://leadpact.example.com/';
const now = 1_764_000_000_000;

let server: Server;
let base: string;
const seen: unknown[] = [];

beforeAll(async () => {
  const app = express();
  app.use(
    requireHubSpotSignature({ clientSecret: secret, publicBaseUrl, now: () => now, maxBodyBytes: 2048 }),
  );
  app.all('/{*rest}', (req, res) => {
    seen.push(req.body);
    res.json({ context: signedContext(res), body: req.body ?? null });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  seen.length = 0;
});

const signedFetch = (method: string, path: string, body = '', timestamp = String(now - 2000)) => {
  const signature = computeSignatureV3(
    secret,
    method,
    `https://leadpact.example.com${path}`,
    body,
    timestamp,
  );
  return fetch(base + path, {
    method,
    body: method === 'GET' ? undefined : body,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': timestamp,
    },
  });
};

describe('requireHubSpotSignature', () => {
  it('When a card fetch is signed, then the handler sees the portal and user from the signed query', async () => {
    const path = '/api/card?contactId=51&userId=4242&userEmail=rep%40example.com&appId=77&portalId=123456';
    const response = await signedFetch('GET', path);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      context: { portalId: 123456, userId: 4242, userEmail: 'rep@example.com', appId: 77 },
      body: null,
    });
  });

  it('When a webhook batch is signed, then its JSON body is parsed for the handler', async () => {
    const body = '[{"eventId":1,"portalId":62515}]';
    const response = await signedFetch('POST', '/webhooks/hubspot', body);
    expect(response.status).toBe(200);
    expect(seen).toEqual([[{ eventId: 1, portalId: 62515 }]]);
  });

  it('When the body is tampered with, then it answers 401 and the handler never runs', async () => {
    const timestamp = String(now);
    const signature = computeSignatureV3(
      secret,
      'POST',
      'https://leadpact.example.com/webhooks/hubspot',
      '[]',
      timestamp,
    );
    const response = await fetch(`${base}/webhooks/hubspot`, {
      method: 'POST',
      body: '[{}]',
      headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect(seen).toEqual([]);
  });

  it('When the portalId in the query is swapped after signing, then it answers 401', async () => {
    const timestamp = String(now);
    const signed = 'https://leadpact.example.com/api/card?portalId=1';
    const signature = computeSignatureV3(secret, 'GET', signed, '', timestamp);
    const response = await fetch(`${base}/api/card?portalId=2`, {
      headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
    });
    expect(response.status).toBe(401);
  });

  it('When the request is unsigned or stale, then it answers 401', async () => {
    expect((await fetch(`${base}/api/card`)).status).toBe(401);
    const stale = await signedFetch('GET', '/api/card', '', String(now - 6 * 60 * 1000));
    expect(stale.status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('When the body is larger than the limit, then it answers 413 and the handler never runs', async () => {
    const response = await signedFetch('POST', '/webhooks/hubspot', JSON.stringify('x'.repeat(4096)));
    expect(response.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('When a signed body is not JSON, then it answers 400', async () => {
    const response = await signedFetch('POST', '/webhooks/hubspot', '[{');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });
});

/** Sends raw HTTP on a socket and resolves with the first answer, even if the request body was never finished. */
function rawRequest(head: string, body = ''): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return firstAnswer(port, head, body);
}

describe('an unsigned request costs nothing', () => {
  const head = (extra: string[]) =>
    ['POST /webhooks/hubspot HTTP/1.1', 'Host: x', 'Content-Type: application/json', ...extra].join('\r\n');

  it('When the signature headers are missing, then 401 comes back while the body is still unsent', async () => {
    // 1 MB declared, 10 bytes sent: a server that read the body would wait for ever.
    const answer = await rawRequest(head(['Content-Length: 1048576']), '[[[[[[[[[[');
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(seen).toEqual([]);
  });

  it('When the timestamp is stale, then 401 comes back while the body is still unsent', async () => {
    const stale = String(now - 6 * 60 * 1000);
    const headers = [
      'Content-Length: 1048576',
      'X-HubSpot-Signature-v3: AAAA',
      `X-HubSpot-Request-Timestamp: ${stale}`,
    ];
    expect(await rawRequest(head(headers), '[[[[')).toMatch(/^HTTP\/1\.1 401/);
  });

  it('When a fresh request declares more than the bound, then 413 comes back before its body is sent', async () => {
    const headers = [
      'Content-Length: 4096',
      'X-HubSpot-Signature-v3: AAAA',
      `X-HubSpot-Request-Timestamp: ${now}`,
    ];
    const answer = await rawRequest(head(headers));
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('The request body is larger than the 2048 bytes this route accepts.');
  });

  it('When a chunked body runs past the bound, then 413 and the handler never runs', async () => {
    const chunk = '[' + '1,'.repeat(1500) + '1]';
    const headers = [
      'Transfer-Encoding: chunked',
      'X-HubSpot-Signature-v3: AAAA',
      `X-HubSpot-Request-Timestamp: ${now}`,
    ];
    const body = `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
    expect(await rawRequest(head(headers), body)).toMatch(/^HTTP\/1\.1 413/);
    expect(seen).toEqual([]);
  });

  it('When a body is badly signed, then 401 and JSON.parse never sees it', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const body = '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]';
      const timestamp = String(now);
      const response = await fetch(`${base}/webhooks/hubspot`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': computeSignatureV3(secret, 'POST', 'https://elsewhere/', body, timestamp),
          'x-hubspot-request-timestamp': timestamp,
        },
      });
      expect(response.status).toBe(401);
      expect(parse.mock.calls.filter(([text]) => text === body)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  it('When the bound depends on the route, then each route gets its own', async () => {
    const app = express();
    const maxBodyBytes = (req: express.Request) => (req.path === '/big' ? 100 : 0);
    app.use(requireHubSpotSignature({ clientSecret: secret, publicBaseUrl, now: () => now, maxBodyBytes }));
    app.post('/{*rest}', (req, res) => res.json(req.body));
    const local = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => local.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
      const send = (path: string, body: string) => {
        const timestamp = String(now);
        const signature = computeSignatureV3(
          secret,
          'POST',
          `https://leadpact.example.com${path}`,
          body,
          timestamp,
        );
        const headers = {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': timestamp,
        };
        return fetch(url + path, { method: 'POST', body, headers });
      };
      expect((await send('/big', '[1,2,3]')).status).toBe(200);
      const none = await send('/small', '[1]');
      expect(none.status).toBe(413);
      expect(await none.json()).toMatchObject({ error: { message: 'This route takes no request body.' } });
    } finally {
      await new Promise((resolve) => local.close(resolve));
    }
  });
});
