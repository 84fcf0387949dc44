import type { CookieOptions, Request, Response } from 'express';
import { STATE_TTL_MS } from '../../use-cases/install/oauth-state';

/** The cookie that binds an install's `state` to the browser that started it. */
export const INSTALL_STATE_COOKIE = 'lead_pact_install_state';

// Lax: HubSpot's redirect back to the callback is a top-level GET navigation, which Lax cookies accompany.
const OPTIONS: CookieOptions = { httpOnly: true, secure: true, sameSite: 'lax', path: '/oauth/callback' };

/** Sets the (HMAC-signed) state on the browser for the callback to compare. */
export function setInstallStateCookie(res: Response, state: string): void {
  res.cookie(INSTALL_STATE_COOKIE, state, { ...OPTIONS, maxAge: STATE_TTL_MS });
}

/** Removes it: whatever the callback's outcome, the state cannot be used again from this browser. */
export function clearInstallStateCookie(res: Response): void {
  res.clearCookie(INSTALL_STATE_COOKIE, OPTIONS);
}

/** The state cookie the browser sent, if any. */
export function readInstallStateCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === INSTALL_STATE_COOKIE) {
      const value = part.slice(at + 1).trim();
      return value ? decodeURIComponent(value) : undefined;
    }
  }
  return undefined;
}
