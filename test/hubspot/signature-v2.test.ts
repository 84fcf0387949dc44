import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Signature } from '@hubspot/api-client';
import { requireHubSpotSignature } from '../../src/hubspot/require-hubspot-signature';
import {
  computeSignatureV2,
  computeSignatureV3,
  verifySignatureV2,
} from '../../src/hubspot/verify-signature';
import { firstAnswer } from './raw-request';

// The secret of HubSpot's own examples (https://developers.hubspot.com/docs/faq/v2-request-validation).
const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const uri = 'https://leadpact.example.com/workflow-actions/qualify';
const body = '{"callbackId":"ap-1001-56777914962-11-0","object":{"objectId":51,"objectType":"CONTACT"}}';
/**
 * Computed by hand, outside this code:
 *   printf '%s' 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyyPOSThttps://leadpact.example.com/workflow-actions/qualify{"callbackId":"ap-1001-56777914962-11-0","object":{"objectId":51,"objectType":"CONTACT"}}' | sha256sum
 *   0173a358ba11621c738926e117a64f0c7cdac419fc62980c5d8b04522fec5fbd  -
 */
const HAND_COMPUTED = '0173a358ba11621c738926e117a64f0c7cdac419fc62980c5d8b04522fec5fbd';

const signed = (overrides: Partial<{ method: string; uri: string; rawBody: string }> = {}) => ({
  method: 'POST',
  uri,
  rawBody: body,
  signature: HAND_COMPUTED,
  ...overrides,
});

describe('the v2 signature (hex SHA-256 of client secret + method + URI + body)', () => {
  it('computes the hand-computed digest of an execution request', () => {
    expect(computeSignatureV2(secret, 'POST', uri, body)).toBe(HAND_COMPUTED);
    expect(computeSignatureV2(secret, 'POST', uri, Buffer.from(body))).toBe(HAND_COMPUTED);
  });

  it("computes HubSpot's documented GET example", () => {
    // "The resulting hash would be: eee2dd..." (https://developers.hubspot.com/docs/faq/v2-request-validation)
    expect(computeSignatureV2(secret, 'GET', 'https://www.example.com/webhook_uri', '')).toBe(
      'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e',
    );
  });

  it('computes the same v2 signature as the official SDK', () => {
    const expected = Signature.getSignature('POST', 'v2', {
      signature: '',
      clientSecret: secret,
      requestBody: body,
      url: uri,
    });
    expect(computeSignatureV2(secret, 'POST', uri, body)).toBe(expected);
  });

  it('accepts the request HubSpot signed, in either case of hex', () => {
    expect(verifySignatureV2(secret, signed())).toEqual({ valid: true });
    expect(verifySignatureV2(secret, { ...signed(), signature: HAND_COMPUTED.toUpperCase() }).valid).toBe(
      true,
    );
  });

  it('When the body, URI, method or secret differs from the signed ones, then it is a mismatch', () => {
    const mismatch = { valid: false, reason: 'mismatch' };
    expect(verifySignatureV2(secret, signed({ rawBody: body.replace('51', '52') }))).toEqual(mismatch);
    expect(verifySignatureV2(secret, signed({ uri: `${uri}?portalId=2` }))).toEqual(mismatch);
    expect(verifySignatureV2(secret, signed({ uri: uri.replace('https', 'http') }))).toEqual(mismatch);
    expect(verifySignatureV2(secret, signed({ method: 'PUT' }))).toEqual(mismatch);
    expect(verifySignatureV2('another-secret', signed())).toEqual(mismatch);
  });

  it('When the signature is missing or not a SHA-256 in hex, then it is refused without throwing', () => {
    const refused = { valid: false, reason: 'missing_headers' };
    expect(verifySignatureV2(secret, { ...signed(), signature: undefined })).toEqual(refused);
    expect(verifySignatureV2(secret, { ...signed(), signature: '' })).toEqual(refused);
    expect(verifySignatureV2(secret, { ...signed(), signature: `${HAND_COMPUTED}00` })).toEqual(refused);
    // A v3 signature (base64) in the v2 header.
    const v3 = computeSignatureV3(secret, 'POST', uri, body, '1764000000000');
    expect(verifySignatureV2(secret, { ...signed(), signature: v3 })).toEqual(refused);
  });
});

describe('requireHubSpotSignature and v2', () => {
  const publicBaseUrl = 'https://leadpact.example.com/';
  const now = 1_764_000_000_000;
  const seen: unknown[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    const check = (acceptV2: boolean) =>
      requireHubSpotSignature({ clientSecret: secret, publicBaseUrl, now: () => now, acceptV2 });
    const handler: express.RequestHandler = (req, res) => {
      seen.push(req.body);
      res.json({ ok: true });
    };
    app.post('/workflow-actions/qualify', check(true), handler);
    app.post('/api/card/verdict', check(false), handler);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    seen.length = 0;
  });

  const v2Headers = (path: string, text: string, key = secret) => ({
    'content-type': 'application/json',
    'x-hubspot-signature-version': 'v2',
    'x-hubspot-signature': computeSignatureV2(key, 'POST', `https://leadpact.example.com${path}`, text),
  });
  const post = (path: string, text: string, headers: Record<string, string>) =>
    fetch(base + path, { method: 'POST', body: text, headers });

  /** Raw HTTP: the head, then only `sent` of a body declared 1 MB long; resolves with the first answer. */
  function answerBeforeBody(path: string, headers: Record<string, string>, sent: string): Promise<string> {
    const { port } = server.address() as AddressInfo;
    const lines = [`POST ${path} HTTP/1.1`, 'Host: x', 'Content-Length: 1048576'];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    return firstAnswer(port, lines.join('\r\n'), sent);
  }

  it('When a route takes v2 and the request is v2-signed only, then its handler gets the parsed body', async () => {
    const res = await post('/workflow-actions/qualify', body, v2Headers('/workflow-actions/qualify', body));
    expect(res.status).toBe(200);
    expect(seen).toEqual([JSON.parse(body)]);
  });

  it('When a route does not take v2, then a valid v2-only request is refused before its body is read', async () => {
    const headers = v2Headers('/api/card/verdict', body);
    expect((await post('/api/card/verdict', body, headers)).status).toBe(401);
    // Sent without its body: a server that read it would wait for ever.
    expect(await answerBeforeBody('/api/card/verdict', headers, '[[[[')).toMatch(/^HTTP\/1\.1 401/);
    expect(seen).toEqual([]);
  });

  it('When the version header says v1, then it is refused before the body is read', async () => {
    const headers = { ...v2Headers('/workflow-actions/qualify', body), 'x-hubspot-signature-version': 'v1' };
    expect(await answerBeforeBody('/workflow-actions/qualify', headers, '[[[[')).toMatch(/^HTTP\/1\.1 401/);
    expect(seen).toEqual([]);
  });

  it('When v2 is declared without a usable signature, then it is refused before the body is read', async () => {
    const version = { 'x-hubspot-signature-version': 'v2' };
    expect(await answerBeforeBody('/workflow-actions/qualify', version, '[[')).toMatch(/^HTTP\/1\.1 401/);
    const garbage = { ...version, 'x-hubspot-signature': 'not-a-sha256' };
    expect(await answerBeforeBody('/workflow-actions/qualify', garbage, '[[')).toMatch(/^HTTP\/1\.1 401/);
    expect(seen).toEqual([]);
  });

  it('When a v2 signature covers other bytes, then 401 and JSON.parse never sees the body', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const nested = '['.repeat(500) + ']'.repeat(500);
      const headers = v2Headers('/workflow-actions/qualify', '[]');
      expect((await post('/workflow-actions/qualify', nested, headers)).status).toBe(401);
      expect(parse.mock.calls.filter(([text]) => text === nested)).toEqual([]);
      const otherSecret = v2Headers('/workflow-actions/qualify', body, 'another-secret');
      expect((await post('/workflow-actions/qualify', body, otherSecret)).status).toBe(401);
      expect(seen).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  it('When any v3 header is present, then v3 decides even beside a valid v2', async () => {
    const v2 = v2Headers('/workflow-actions/qualify', body);
    const timestampOnly = { ...v2, 'x-hubspot-request-timestamp': String(now) };
    expect((await post('/workflow-actions/qualify', body, timestampOnly)).status).toBe(401);
    const badV3 = { ...timestampOnly, 'x-hubspot-signature-v3': 'AAAA' };
    expect((await post('/workflow-actions/qualify', body, badV3)).status).toBe(401);
    expect(seen).toEqual([]);
  });
});
