import fc from 'fast-check';
import { Signature } from '@hubspot/api-client';
import { computeSignatureV3, normalizeSignedUri, verifySignature } from '../../src/hubspot/verify-signature';

const secret = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
const now = 1_764_000_000_000;
const uri = 'https://leadpact.example.com/webhooks/hubspot';
const body = '[{"eventId":1,"subscriptionType":"object.creation","objectId":123}]';

const signed = (
  overrides: Partial<{ method: string; uri: string; body: string; timestamp: string }> = {},
) => {
  const timestamp = overrides.timestamp ?? String(now - 1000);
  return {
    method: 'POST',
    uri,
    rawBody: body,
    timestamp,
    signature: computeSignatureV3(secret, 'POST', overrides.uri ?? uri, overrides.body ?? body, timestamp),
  };
};

describe('verifySignature', () => {
  it('accepts a request signed with the client secret a second ago', () => {
    expect(verifySignature(secret, signed(), now)).toEqual({ valid: true });
  });

  it('computes the same v3 signature as the official SDK', () => {
    const timestamp = String(now);
    const expected = Signature.getSignature('POST', 'v3', {
      signature: '',
      clientSecret: secret,
      requestBody: body,
      url: uri,
      timestamp: now,
    });
    expect(computeSignatureV3(secret, 'POST', uri, body, timestamp)).toBe(expected);
  });

  it('When the body was changed after signing, then it is rejected', () => {
    const request = { ...signed(), rawBody: body.replace('123', '124') };
    expect(verifySignature(secret, request, now)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('When the URI was changed after signing, then it is rejected', () => {
    const request = { ...signed(), uri: `${uri}?portalId=2` };
    expect(verifySignature(secret, request, now)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('When the method differs from the signed one, then it is rejected', () => {
    expect(verifySignature(secret, { ...signed(), method: 'PUT' }, now).valid).toBe(false);
  });

  it('When the timestamp is older than 5 minutes, then it is rejected as stale', () => {
    const request = signed({ timestamp: String(now - 5 * 60 * 1000 - 1) });
    expect(verifySignature(secret, request, now)).toEqual({ valid: false, reason: 'stale' });
  });

  it('When the timestamp is exactly 5 minutes old, then it is still accepted', () => {
    expect(verifySignature(secret, signed({ timestamp: String(now - 5 * 60 * 1000) }), now).valid).toBe(true);
  });

  it('When the timestamp is more than 5 minutes in the future, then it is rejected', () => {
    const request = signed({ timestamp: String(now + 5 * 60 * 1000 + 1) });
    expect(verifySignature(secret, request, now)).toEqual({ valid: false, reason: 'future' });
  });

  it('When it was signed with another secret, then it is rejected', () => {
    const request = {
      ...signed(),
      signature: computeSignatureV3('other', 'POST', uri, body, String(now - 1000)),
    };
    expect(verifySignature(secret, request, now)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('When the signature has a different length, then it is rejected without throwing', () => {
    expect(verifySignature(secret, { ...signed(), signature: 'c2hvcnQ=' }, now)).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    expect(verifySignature(secret, { ...signed(), signature: `${signed().signature}AAAA` }, now).valid).toBe(
      false,
    );
  });

  it('When a header is missing or the timestamp is not a number, then it is rejected', () => {
    expect(verifySignature(secret, { ...signed(), signature: undefined }, now)).toEqual({
      valid: false,
      reason: 'missing_headers',
    });
    expect(verifySignature(secret, { ...signed(), timestamp: '17e11' }, now)).toEqual({
      valid: false,
      reason: 'bad_timestamp',
    });
  });

  it('When HubSpot signed the decoded form of an encoded URI, then it is accepted', () => {
    const received = `${uri}?userEmail=rep%40example.com&q=a%2Cb%20c`;
    const signedForm = `${uri}?userEmail=rep@example.com&q=a,b%20c`;
    expect(normalizeSignedUri(received)).toBe(signedForm);
    const timestamp = String(now);
    const request = {
      method: 'GET',
      uri: received,
      rawBody: '',
      timestamp,
      signature: computeSignatureV3(secret, 'GET', signedForm, '', timestamp),
    };
    expect(verifySignature(secret, request, now).valid).toBe(true);
  });

  it('rejects any single-byte change to the body', () => {
    const original = Buffer.from(body);
    const request = signed();
    fc.assert(
      fc.property(fc.nat(original.length - 1), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const tampered = Buffer.from(original);
        tampered[index] = ((tampered[index] ?? 0) + delta) % 256;
        return !verifySignature(secret, { ...request, rawBody: tampered }, now).valid;
      }),
    );
  });
});
