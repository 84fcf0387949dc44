import { randomBytes } from 'node:crypto';

/** An RFC 6749 refusal with HubSpot's legacy `status` beside it, as the 2026-03 endpoints answer. */
export interface OAuthRefusal {
  error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';
  description: string;
  /** HubSpot's older `status` value (BAD_AUTH_CODE, BAD_REFRESH_TOKEN, ...). */
  status: string;
}

/** What the stand-in issues for a code or refresh: HubSpot's token response fields. */
export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  hub_id: number;
  user_id: number;
  scopes: string[];
  token_type: 'bearer';
}

interface Code {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
  /** The refresh token issued for it, once redeemed. */
  redeemedAs?: string;
}
interface Grant {
  clientId: string;
  scopes: string[];
  accessTokens: Set<string>;
}

/** HubSpot lets a code be exchanged within a short window; RFC 6749 recommends at most ten minutes. */
export const CODE_TTL_MS = 5 * 60 * 1000;

const refusal = (error: OAuthRefusal['error'], description: string, status: string): OAuthRefusal => ({
  error,
  description,
  status,
});
const token = (prefix: string) => `${prefix}-${randomBytes(16).toString('hex')}`;

/**
 * The stand-in's authorization server: single-use codes bound to the client and redirect URI that asked for them,
 * refresh tokens bound to their client, access tokens that die with their refresh token. A replayed code is
 * refused and, as RFC 6749 4.1.2 advises, revokes what it was exchanged for.
 */
export class OAuthGrants {
  private readonly codes = new Map<string, Code>();
  private readonly grants = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, { refreshToken: string; expiresAt: number }>();

  constructor(
    private readonly options: { portalId: number; expiresIn: number; now: () => number },
    /** Tokens refused everywhere (shared with the CRM routes' 401 and the admin revoke route). */
    private readonly revoked: Set<string>,
  ) {}

  /** A new code for an approved consent screen. */
  issueCode(clientId: string, redirectUri: string, scopes: string[]): string {
    const code = token('code');
    this.codes.set(code, { clientId, redirectUri, scopes, expiresAt: this.options.now() + CODE_TTL_MS });
    return code;
  }

  /** `grant_type=authorization_code`. */
  redeemCode(code: string, clientId: string, redirectUri: string): IssuedTokens | OAuthRefusal {
    const found = this.codes.get(code);
    if (!found) return refusal('invalid_grant', 'missing or unknown auth code', 'BAD_AUTH_CODE');
    if (found.redeemedAs) {
      this.revoke(found.redeemedAs);
      return refusal('invalid_grant', 'auth code was already used', 'BAD_AUTH_CODE');
    }
    if (found.expiresAt <= this.options.now())
      return refusal('invalid_grant', 'auth code expired', 'BAD_AUTH_CODE');
    if (found.clientId !== clientId)
      return refusal('invalid_grant', 'auth code was issued to another client', 'BAD_AUTH_CODE');
    if (found.redirectUri !== redirectUri)
      return refusal(
        'invalid_grant',
        'redirect_uri does not match the authorization request',
        'BAD_REDIRECT_URI',
      );
    const refreshToken = token('refresh');
    found.redeemedAs = refreshToken;
    this.grants.set(refreshToken, { clientId, scopes: found.scopes, accessTokens: new Set() });
    return this.issue(refreshToken);
  }

  /** `grant_type=refresh_token` (HubSpot keeps the refresh token; only the access token is new). */
  refresh(refreshToken: string, clientId: string): IssuedTokens | OAuthRefusal {
    const grant = this.grants.get(refreshToken);
    if (!grant || this.revoked.has(refreshToken))
      return refusal('invalid_grant', 'missing or invalid refresh token', 'BAD_REFRESH_TOKEN');
    if (grant.clientId !== clientId)
      return refusal('invalid_grant', 'refresh token was issued to another client', 'BAD_REFRESH_TOKEN');
    return this.issue(refreshToken);
  }

  /** What `/token/introspect` reports about a live token of this client, or undefined. */
  describe(tokenValue: string, clientId: string) {
    const access = this.accessTokens.get(tokenValue);
    const refreshToken = access?.refreshToken ?? tokenValue;
    const grant = this.grants.get(refreshToken);
    if (
      !grant ||
      grant.clientId !== clientId ||
      this.revoked.has(tokenValue) ||
      this.revoked.has(refreshToken)
    )
      return undefined;
    if (access && access.expiresAt <= this.options.now()) return undefined;
    const expiresIn = access ? Math.floor((access.expiresAt - this.options.now()) / 1000) : undefined;
    return {
      use: access ? ('access_token' as const) : ('refresh_token' as const),
      scopes: grant.scopes,
      expiresIn,
    };
  }

  /** `/token/revoke`: a refresh token and every access token minted from it; false when nothing live matched. */
  revoke(tokenValue: string, clientId?: string): boolean {
    const grant = this.grants.get(tokenValue);
    const access = this.accessTokens.get(tokenValue);
    const owner = grant ?? (access ? this.grants.get(access.refreshToken) : undefined);
    if (!owner || this.revoked.has(tokenValue) || (clientId !== undefined && owner.clientId !== clientId))
      return false;
    this.revoked.add(tokenValue);
    if (grant) for (const minted of grant.accessTokens) this.revoked.add(minted);
    return true;
  }

  private issue(refreshToken: string): IssuedTokens {
    const grant = this.grants.get(refreshToken) as Grant;
    const accessToken = `standin-${this.options.portalId}-${randomBytes(16).toString('hex')}`;
    grant.accessTokens.add(accessToken);
    const expiresAt = this.options.now() + this.options.expiresIn * 1000;
    this.accessTokens.set(accessToken, { refreshToken, expiresAt });
    return {
      token_type: 'bearer',
      refresh_token: refreshToken,
      access_token: accessToken,
      expires_in: this.options.expiresIn,
      hub_id: this.options.portalId,
      user_id: 1,
      scopes: grant.scopes,
    };
  }
}
