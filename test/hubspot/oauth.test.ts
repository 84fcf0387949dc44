import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAppError } from '../../src/domain/app-error';
import { introspectToken } from '../../src/hubspot/introspect-token';
import {
  buildAuthorizeUrl,
  exchangeCode,
  OPTIONAL_SCOPES,
  refreshAccessToken,
  REQUIRED_SCOPES,
} from '../../src/hubspot/oauth';
import { revokeRefreshToken } from '../../src/hubspot/revoke-refresh-token';
import { hubspotErrorInfo } from '../../src/hubspot/translate-hubspot-error';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const client = { apiBaseUrl: API, clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const redirectUri = 'https://leadpact.example.com/oauth/callback';

useNock();

describe('buildAuthorizeUrl', () => {
  it('sends the admin to HubSpot with our client id, redirect, scopes and state', () => {
    const url = new URL(buildAuthorizeUrl({ clientId: 'client-id-1', redirectUri, state: 'st-123' }));
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client-id-1',
      redirect_uri: redirectUri,
      scope:
        'oauth crm.objects.contacts.read crm.objects.contacts.write crm.schemas.contacts.write crm.objects.companies.read settings.users.read settings.users.teams.read crm.objects.owners.read automation',
      // The Leads scopes: granted where the account has Leads (Sales Hub Professional or Enterprise), else skipped.
      optional_scope: 'crm.objects.leads.read crm.objects.leads.write crm.schemas.leads.write',
      state: 'st-123',
    });
    expect(REQUIRED_SCOPES).toContain('crm.objects.companies.read');
    expect(REQUIRED_SCOPES).not.toContain('crm.objects.leads.write');
  });

  it('When optional scopes are given, then they go in optional_scope', () => {
    const optionalScopes = ['crm.schemas.contacts.read'];
    const url = new URL(buildAuthorizeUrl({ clientId: 'c', redirectUri, state: 's', optionalScopes }));
    expect(url.searchParams.get('optional_scope')).toBe('crm.schemas.contacts.read');
  });

  it('asks for exactly the scopes the app config requires', () => {
    const app = JSON.parse(readFileSync(join(__dirname, '../../extensions/app/app-hsmeta.json'), 'utf8'));
    expect([...REQUIRED_SCOPES]).toEqual(app.config.auth.requiredScopes);
    expect([...OPTIONAL_SCOPES]).toEqual(app.config.auth.optionalScopes);
  });
});

const TOKEN = '/oauth/2026-03/token';
const token = fixture<{ access_token: string; refresh_token: string }>('oauth-2026-03-token');
const credentials = { client_id: 'client-id-1', client_secret: 'client-secret-1' };

/** Nocks a 2026-03 endpoint that only answers a form-encoded body, capturing the form it received. */
function formEndpoint(path: string, sent: { form?: unknown; query?: string }) {
  return nock(API, { reqheaders: { 'content-type': /^application\/x-www-form-urlencoded/ } }).post(
    (uri) => {
      sent.query = new URL(uri, API).search;
      return new URL(uri, API).pathname === path;
    },
    (body) => ((sent.form = body), true),
  );
}

describe('token exchange and refresh on /oauth/2026-03/token', () => {
  it('When the callback code is exchanged, then the form carries every parameter in the body, none in the URL', async () => {
    const sent: { form?: unknown; query?: string } = {};
    formEndpoint(TOKEN, sent).reply(200, fixture('oauth-2026-03-token'));
    const tokens = await exchangeCode(client, 'code-xyz', redirectUri);
    expect(sent.form).toEqual({
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      code: 'code-xyz',
      ...credentials,
    });
    expect(sent.query).toBe('');
    expect(tokens).toEqual({
      accessToken: token.access_token,
      refreshToken: '6f18f21e-a743-4509-b7fd-1a5e632fffa1',
      expiresInSeconds: 1800,
      tokenType: 'bearer',
      hubId: 62515,
      scopes: [...REQUIRED_SCOPES],
    });
  });

  it('When the token response has no hub_id (before August 2025), then the tokens come without one', async () => {
    nock(API).post(TOKEN).reply(200, fixture('oauth-2026-03-token-without-hub-id'));
    const tokens = await exchangeCode(client, 'code-xyz', redirectUri);
    expect(tokens.hubId).toBeUndefined();
    expect(tokens.scopes).toBeUndefined();
  });

  it('When a token is refreshed, then the refresh grant is posted form-encoded', async () => {
    const sent: { form?: unknown } = {};
    formEndpoint(TOKEN, sent).reply(200, fixture('oauth-2026-03-token'));
    await expect(refreshAccessToken(client, 'refresh-1')).resolves.toMatchObject({ expiresInSeconds: 1800 });
    expect(sent.form).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1', ...credentials });
  });

  it("When the refresh token was revoked (invalid_grant), then it fails as unauthorized with HubSpot's words", async () => {
    nock(API).post(TOKEN).reply(400, fixture('oauth-2026-03-400-invalid-grant-refresh-token'));
    const error = await refreshAccessToken(client, 'revoked').catch((e: unknown) => e);
    expect(isAppError(error, 'unauthorized')).toBe(true);
    expect((error as Error).message).toBe(
      'OAuth token refresh: invalid_grant: missing or invalid refresh token',
    );
    expect(hubspotErrorInfo(error as never)).toMatchObject({
      status: 400,
      category: 'invalid_grant',
      correlationId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    });
    expect(JSON.stringify(error)).not.toContain('client-secret-1');
  });

  it('When only the legacy status says BAD_AUTH_CODE, then the code is still taken as gone', async () => {
    nock(API)
      .post(TOKEN)
      .reply(400, { status: 'BAD_AUTH_CODE', message: 'code expired', correlationId: 'c' });
    const error = await exchangeCode(client, 'old', redirectUri).catch((e: unknown) => e);
    expect(isAppError(error, 'unauthorized')).toBe(true);
  });

  it('When HubSpot refuses the client credentials (invalid_client), then the error names the settings to check and is no grant problem', async () => {
    nock(API).post(TOKEN).reply(400, fixture('oauth-2026-03-400-invalid-client'));
    const error = await refreshAccessToken(client, 'refresh-1').catch((e: unknown) => e);
    expect(isAppError(error, 'upstream_failed')).toBe(true);
    expect((error as Error).message).toMatch(
      /client credentials .*HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET/,
    );
  });

  it('When HubSpot is rate limiting, then the error keeps the 429 policy', async () => {
    nock(API).post(TOKEN).reply(429, fixture('error-429-ten-secondly'));
    const error = await refreshAccessToken(client, 'refresh-1').catch((e: unknown) => e);
    expect(isAppError(error, 'rate_limited')).toBe(true);
  });

  it('When HubSpot answers with an unexpected body, then it fails as upstream_failed', async () => {
    nock(API).post(TOKEN).reply(200, { hello: 'world' });
    const error = await exchangeCode(client, 'c', redirectUri).catch((e: unknown) => e);
    expect(isAppError(error, 'upstream_failed')).toBe(true);
  });
});

describe('introspectToken on /oauth/2026-03/token/introspect', () => {
  it('When a token is introspected, then the token travels in the form and the portal and scopes come back', async () => {
    const sent: { form?: unknown; query?: string } = {};
    formEndpoint('/oauth/2026-03/token/introspect', sent).reply(
      200,
      fixture('oauth-2026-03-introspect-access-token'),
    );
    await expect(introspectToken({ ...client, apiBaseUrl: `${API}/` }, 'tok/en')).resolves.toEqual({
      hubId: 62515,
      userId: 123456,
      appId: 456789,
      scopes: [...REQUIRED_SCOPES],
      expiresInSeconds: 1754,
    });
    expect(sent.form).toEqual({ token: 'tok/en', token_type_hint: 'access_token', ...credentials });
    expect(sent.query).toBe('');
  });

  it("When the token is unknown, then it fails naming HubSpot's reason", async () => {
    nock(API)
      .post('/oauth/2026-03/token/introspect')
      .reply(400, fixture('oauth-2026-03-400-introspect-invalid-token'));
    const error = await introspectToken(client, 'nope').catch((e: unknown) => e);
    expect(isAppError(error, 'upstream_failed')).toBe(true);
    expect((error as Error).message).toBe('OAuth token introspection: invalid_request: Token is invalid');
  });
});

describe('revokeRefreshToken on /oauth/2026-03/token/revoke', () => {
  it('When a refresh token is revoked, then it is sent with its type hint in the form', async () => {
    const sent: { form?: unknown; query?: string } = {};
    formEndpoint('/oauth/2026-03/token/revoke', sent).reply(204);
    await expect(revokeRefreshToken(client, 'refresh-1')).resolves.toBe('revoked');
    expect(sent.form).toEqual({ token: 'refresh-1', token_type_hint: 'refresh_token', ...credentials });
    expect(sent.query).toBe('');
  });

  it('When HubSpot no longer knows the token (invalid_grant), then it counts as already revoked', async () => {
    nock(API)
      .post('/oauth/2026-03/token/revoke')
      .reply(400, fixture('oauth-2026-03-400-invalid-grant-refresh-token'));
    await expect(revokeRefreshToken(client, 'gone')).resolves.toBe('already_invalid');
  });

  it('When HubSpot fails, then the revocation fails instead of pretending', async () => {
    nock(API).post('/oauth/2026-03/token/revoke').reply(502, fixture('error-502'));
    await expect(revokeRefreshToken(client, 'refresh-1')).rejects.toMatchObject({ code: 'upstream_failed' });
  });
});
