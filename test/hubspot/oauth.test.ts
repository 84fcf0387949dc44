import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAppError } from '../../src/errors/app-error';
import {
  buildAuthorizeUrl,
  exchangeCode,
  getAccessTokenInfo,
  OPTIONAL_SCOPES,
  refreshAccessToken,
  REQUIRED_SCOPES,
} from '../../src/hubspot/oauth';
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
        'oauth crm.objects.contacts.read crm.objects.contacts.write crm.schemas.contacts.write crm.objects.companies.read settings.users.read',
      state: 'st-123',
    });
    expect(REQUIRED_SCOPES).toContain('crm.objects.companies.read');
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

describe('token exchange and refresh', () => {
  it('When the callback code is exchanged, then the exact form is posted and the tokens are returned', async () => {
    let form: unknown;
    nock(API, { reqheaders: { 'content-type': /application\/x-www-form-urlencoded/ } })
      .post('/oauth/v1/token', (body) => ((form = body), true))
      .reply(200, fixture('oauth-token'));
    const tokens = await exchangeCode(client, 'code-xyz', redirectUri);
    expect(form).toEqual({
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      code: 'code-xyz',
      client_id: 'client-id-1',
      client_secret: 'client-secret-1',
    });
    expect(tokens).toEqual({
      accessToken: fixture<{ access_token: string }>('oauth-token').access_token,
      refreshToken: '6f18f21e-a743-4509-b7fd-1a5e632fffa1',
      expiresInSeconds: 1800,
      tokenType: 'bearer',
    });
  });

  it('When a token is refreshed, then the refresh grant is posted', async () => {
    let form: unknown;
    nock(API)
      .post('/oauth/v1/token', (body) => ((form = body), true))
      .reply(200, fixture('oauth-token'));
    await expect(refreshAccessToken(client, 'refresh-1')).resolves.toMatchObject({ expiresInSeconds: 1800 });
    expect(form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'client-id-1',
      client_secret: 'client-secret-1',
    });
  });

  it('When the refresh token was revoked, then it fails as unauthorized naming BAD_REFRESH_TOKEN', async () => {
    nock(API).post('/oauth/v1/token').reply(400, fixture('oauth-400-bad-refresh-token'));
    const error = await refreshAccessToken(client, 'revoked').catch((e: unknown) => e);
    expect(isAppError(error, 'unauthorized')).toBe(true);
    expect((error as Error).message).toContain('missing or invalid refresh token');
    expect(hubspotErrorInfo(error as never).category).toBe('BAD_REFRESH_TOKEN');
    expect(JSON.stringify(error)).not.toContain('client-secret-1');
  });

  it('When HubSpot answers with an unexpected body, then it fails as upstream_failed', async () => {
    nock(API).post('/oauth/v1/token').reply(200, { hello: 'world' });
    const error = await exchangeCode(client, 'c', redirectUri).catch((e: unknown) => e);
    expect(isAppError(error, 'upstream_failed')).toBe(true);
  });
});

describe('getAccessTokenInfo', () => {
  it('tells which portal, user and scopes a token belongs to', async () => {
    nock(API).get('/oauth/v1/access-tokens/tok%2Fen').reply(200, fixture('oauth-access-token-info'));
    await expect(getAccessTokenInfo(`${API}/`, 'tok/en')).resolves.toEqual({
      hubId: 62515,
      userId: 123456,
      user: 'marketing.ops@maker.example',
      appId: 456789,
      scopes: [...REQUIRED_SCOPES],
      expiresInSeconds: 1754,
      tokenType: 'access',
    });
  });

  it('When the token is unknown, then it fails as not_found', async () => {
    nock(API)
      .get('/oauth/v1/access-tokens/nope')
      .reply(404, { status: 'error', message: 'Token not found', correlationId: 'x' });
    const error = await getAccessTokenInfo(API, 'nope').catch((e: unknown) => e);
    expect(isAppError(error, 'not_found')).toBe(true);
  });
});
