import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireHubSpotSignature, signedContext } from '../../src/hubspot/require-hubspot-signature';
import { computeSignatureV3 } from '../../src/hubspot/verify-signature';

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

describe('requireHubSpotSignature behind express.json with a verify hook', () => {
  it('When the app keeps req.rawBody, then the signature is checked on those exact bytes', async () => {
    const app = express();
    app.use(
      express.json({
        verify: (req, _res, buffer) => {
          (req as unknown as { rawBody: Buffer }).rawBody = buffer;
        },
      }),
    );
    app.use(requireHubSpotSignature({ clientSecret: secret, publicBaseUrl, now: () => now }));
    app.post('/webhooks/hubspot', (req, res) => res.json(req.body));
    const local = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => local.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}/webhooks/hubspot`;
      const body = '[ {"eventId": 7} ]';
      const timestamp = String(now);
      const signature = computeSignatureV3(
        secret,
        'POST',
        'https://leadpact.example.com/webhooks/hubspot',
        body,
        timestamp,
      );
      const headers = { 'content-type': 'application/json', 'x-hubspot-request-timestamp': timestamp };
      const ok = await fetch(url, {
        method: 'POST',
        body,
        headers: { ...headers, 'x-hubspot-signature-v3': signature },
      });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual([{ eventId: 7 }]);
      const reformatted = await fetch(url, {
        method: 'POST',
        body: '[{"eventId":7}]',
        headers: { ...headers, 'x-hubspot-signature-v3': signature },
      });
      expect(reformatted.status).toBe(401);
    } finally {
      await new Promise((resolve) => local.close(resolve));
    }
  });
});
