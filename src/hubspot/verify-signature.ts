import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request timestamp may lag behind (or run ahead of) our clock. HubSpot's documented window is 5 minutes. */
export const SIGNATURE_MAX_AGE_MS = 5 * 60 * 1000;

/**
 * HubSpot decodes these percent-encoded characters in the URI before it signs it (v3 request validation docs),
 * so the receiver has to decode exactly these, and no others, before hashing.
 */
const DECODED_BEFORE_SIGNING: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};
const DECODE_PATTERN = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/** Everything needed to check one request's v3 signature. */
export interface SignedRequest {
  method: string;
  /** The full URI HubSpot called: public origin + original path and query. */
  uri: string;
  rawBody: Buffer | string;
  signature: string | undefined;
  timestamp: string | undefined;
}

export const SIGNATURE_FAILURES = [
  'missing_headers',
  'bad_timestamp',
  'stale',
  'future',
  'mismatch',
] as const;
export type SignatureFailure = (typeof SIGNATURE_FAILURES)[number];
export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

/** Decodes the characters HubSpot decodes before signing a URI. */
export function normalizeSignedUri(uri: string): string {
  return uri.replace(DECODE_PATTERN, (match) => DECODED_BEFORE_SIGNING[match.toUpperCase()] ?? match);
}

/** Computes base64(HMAC-SHA256(secret, method + uri + body + timestamp)) as HubSpot does for v3. */
export function computeSignatureV3(
  clientSecret: string,
  method: string,
  uri: string,
  rawBody: Buffer | string,
  timestamp: string,
): string {
  const hmac = createHmac('sha256', clientSecret);
  hmac.update(method.toUpperCase() + uri);
  hmac.update(rawBody);
  hmac.update(timestamp);
  return hmac.digest('base64');
}

/**
 * Computes the v2 signature: hex SHA-256 (a plain hash, no HMAC) of client secret + method + URI + body, as HubSpot
 * sends it in `X-HubSpot-Signature` beside `X-HubSpot-Signature-Version: v2` ("Validate requests using the v2 request
 * signature", https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation;
 * https://developers.hubspot.com/docs/faq/v2-request-validation). The URI must be exactly the one HubSpot called,
 * protocol and query order included: unlike v3, no character is decoded first. There is no timestamp.
 */
export function computeSignatureV2(
  clientSecret: string,
  method: string,
  uri: string,
  rawBody: Buffer | string,
): string {
  const hash = createHash('sha256');
  hash.update(clientSecret + method.toUpperCase() + uri);
  hash.update(rawBody);
  return hash.digest('hex');
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  // timingSafeEqual throws on different lengths; a length mismatch is simply a failed check.
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * What can be checked before the body is read: both headers present, the timestamp a number inside the 5-minute
 * window. A request failing this is refused without reading (let alone parsing) its body. Never throws.
 */
export function checkSignatureHeaders(
  { signature, timestamp }: Pick<SignedRequest, 'signature' | 'timestamp'>,
  now: number,
): SignatureCheck {
  if (!signature || !timestamp) return { valid: false, reason: 'missing_headers' };
  if (!/^\d{1,16}$/.test(timestamp)) return { valid: false, reason: 'bad_timestamp' };
  const age = now - Number(timestamp);
  if (age > SIGNATURE_MAX_AGE_MS) return { valid: false, reason: 'stale' };
  if (age < -SIGNATURE_MAX_AGE_MS) return { valid: false, reason: 'future' };
  return { valid: true };
}

/** Checks a HubSpot v3 signature: 5-minute window both ways, constant-time compare. Never throws. */
export function verifySignature(clientSecret: string, request: SignedRequest, now: number): SignatureCheck {
  const headers = checkSignatureHeaders(request, now);
  if (!headers.valid) return headers;
  const { signature = '', timestamp = '' } = request;
  const decoded = normalizeSignedUri(request.uri);
  const candidates = decoded === request.uri ? [decoded] : [decoded, request.uri];
  const matches = candidates.some((uri) =>
    sameSignature(
      computeSignatureV3(clientSecret, request.method, uri, request.rawBody, timestamp),
      signature,
    ),
  );
  return matches ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/** Everything needed to check one request's v2 signature (it has no timestamp). */
export type SignedRequestV2 = Omit<SignedRequest, 'timestamp'>;

const V2_SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * What can be checked of a v2 signature before the body is read: present, and a SHA-256 in hex (anything else could
 * never match). Never throws.
 */
export function checkSignatureV2Header({ signature }: Pick<SignedRequestV2, 'signature'>): SignatureCheck {
  return signature !== undefined && V2_SIGNATURE.test(signature)
    ? { valid: true }
    : { valid: false, reason: 'missing_headers' };
}

/**
 * Checks a HubSpot v2 signature, constant-time compare. Never throws. A v2 signature never expires, so a request
 * captured once verifies forever: only a route whose effect is idempotent per request (the workflow action, per
 * callbackId) may take it.
 */
export function verifySignatureV2(clientSecret: string, request: SignedRequestV2): SignatureCheck {
  const header = checkSignatureV2Header(request);
  if (!header.valid) return header;
  const expected = computeSignatureV2(clientSecret, request.method, request.uri, request.rawBody);
  return sameSignature(expected, (request.signature ?? '').toLowerCase())
    ? { valid: true }
    : { valid: false, reason: 'mismatch' };
}
