import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an install link stays valid: HubSpot's consent screen rarely takes longer. */
export const STATE_TTL_MS = 10 * 60 * 1000;

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`lead-pact-oauth-state.${payload}`).digest('base64url');

/** A `state` for the authorize URL: issue time and a nonce, HMAC-signed with the client secret (no storage). */
export function createOAuthState(secret: string, now: number): string {
  const payload = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** Why a returned `state` is refused, or undefined when it is ours and recent. */
export function checkOAuthState(secret: string, state: unknown, now: number): string | undefined {
  if (typeof state !== 'string' || state === '') return 'the install link carried no state';
  const parts = state.split('.');
  const [issued, nonce, mac] = parts;
  if (parts.length !== 3 || !issued || !nonce || !mac) return 'the install link state is malformed';
  const expected = Buffer.from(sign(secret, `${issued}.${nonce}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'the install link state was not issued by this service';
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt) || issuedAt > now + 60_000) return 'the install link state is malformed';
  if (now - issuedAt > STATE_TTL_MS) return 'the install link expired';
  return undefined;
}
