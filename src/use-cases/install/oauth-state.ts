import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long an install link stays valid: HubSpot's consent screen rarely takes longer. */
export const STATE_TTL_MS = 10 * 60 * 1000;

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`lead-pact-oauth-state.${payload}`).digest('base64url');

const same = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** A `state` for the authorize URL: issue time and a nonce, HMAC-signed with the client secret. */
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
  if (!same(mac, sign(secret, `${issued}.${nonce}`)))
    return 'the install link state was not issued by this service';
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt) || issuedAt > now + 60_000) return 'the install link state is malformed';
  if (now - issuedAt > STATE_TTL_MS) return 'the install link expired';
  return undefined;
}

/**
 * Why a callback is refused, or undefined: the `state` must be ours and recent, and equal the one the install set
 * in this browser's cookie, so a link started elsewhere (or forged into someone else's browser) is refused.
 */
export function checkInstallCallback(
  secret: string,
  callback: { state: unknown; cookie: string | undefined },
  now: number,
): string | undefined {
  const { state, cookie } = callback;
  if (typeof state !== 'string' || state === '') return 'the install link carried no state';
  if (!cookie)
    return 'this browser did not start this install, or already finished it (the install link works once, in the browser that opened it)';
  if (!same(state, cookie)) return 'the install link belongs to an install started in another browser or tab';
  return checkOAuthState(secret, state, now);
}
