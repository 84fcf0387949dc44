import { isAppError } from '../../src/domain/app-error';
import { introspectToken } from '../../src/hubspot/introspect-token';
import { exchangeCode, refreshAccessToken, REQUIRED_SCOPES } from '../../src/hubspot/oauth';
import { revokeRefreshToken } from '../../src/hubspot/revoke-refresh-token';
import { createStandin } from '../../src/standin/create-standin';

const REDIRECT = 'https://leadpact.example.com/oauth/callback';
const CLIENT = { clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const seed = { contacts: [{ id: '1', properties: { email: 'a@one.example' } }], companies: [] };

let url: string;
let close: () => Promise<void>;
let clock: number;
beforeEach(async () => {
  clock = Date.UTC(2026, 11, 1, 9);
  const standin = createStandin({ seed, portalId: 777, oauthClient: CLIENT, now: () => clock });
  ({ url, close } = await standin.listen(0));
});
afterEach(() => close());

const client = () => ({ apiBaseUrl: url, ...CLIENT });

/** Walks the consent screen; resolves with where it sends the browser back to. */
async function consent(extra: Record<string, string> = {}): Promise<URL> {
  const query = new URLSearchParams({
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    scope: REQUIRED_SCOPES.join(' '),
    state: 'state-1',
    ...extra,
  });
  const res = await fetch(`${url}/oauth/authorize?${query}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}
const newCode = async () => (await consent()).searchParams.get('code') ?? '';

/** A raw POST to a token endpoint, as a client that gets the rules wrong would send it. */
async function post(path: string, body: string, type = 'application/x-www-form-urlencoded') {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const credentials = { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret };

/** HubSpot's 2026-03 error body: RFC 6749 fields beside status, message and correlationId. */
const refusal = (error: string, status: string) => ({
  error,
  error_description: expect.any(String),
  status,
  message: expect.any(String),
  correlationId: expect.any(String),
});

describe('the stand-in OAuth 2026-03 endpoints, driven by our client', () => {
  it('When an install runs, then the token response names the hub and scopes, refresh keeps the refresh token, and introspection agrees', async () => {
    const back = await consent();
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-1');
    const tokens = await exchangeCode(client(), back.searchParams.get('code') ?? '', REDIRECT);
    expect(tokens).toMatchObject({ hubId: 777, scopes: [...REQUIRED_SCOPES], expiresInSeconds: 1800 });
    const refreshed = await refreshAccessToken(client(), tokens.refreshToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    await expect(introspectToken(client(), refreshed.accessToken)).resolves.toMatchObject({
      hubId: 777,
      scopes: [...REQUIRED_SCOPES],
    });
  });

  it('When a refresh token is revoked, then it cannot refresh again and its access tokens get 401 on the CRM', async () => {
    const tokens = await exchangeCode(client(), await newCode(), REDIRECT);
    const crm = () =>
      fetch(`${url}/crm/v3/objects/contacts`, { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    expect((await crm()).status).toBe(200);
    await expect(revokeRefreshToken(client(), tokens.refreshToken)).resolves.toBe('revoked');
    const refused = await refreshAccessToken(client(), tokens.refreshToken).catch((e: unknown) => e);
    expect(isAppError(refused, 'unauthorized')).toBe(true);
    expect((await crm()).status).toBe(401);
    await expect(revokeRefreshToken(client(), tokens.refreshToken)).resolves.toBe('already_invalid');
  });

  it('When the admin declines the install, then the browser comes back with access_denied and the state', async () => {
    const back = await consent({ standin_consent: 'deny' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_description')).toMatch(/declined/);
    expect(back.searchParams.get('state')).toBe('state-1');
    expect(back.searchParams.has('code')).toBe(false);
  });
});

describe('the stand-in refuses what HubSpot refuses', () => {
  const TOKEN = '/oauth/2026-03/token';

  it('When the token request is JSON, then it is refused as invalid_request', async () => {
    const body = JSON.stringify({ grant_type: 'authorization_code', code: await newCode(), ...credentials });
    expect(await post(TOKEN, body, 'application/json')).toEqual({
      status: 400,
      body: refusal('invalid_request', 'BAD_REQUEST'),
    });
  });

  it('When credentials ride in the query string, then it is refused as invalid_request naming them', async () => {
    const res = await post(
      `${TOKEN}?${form(credentials)}`,
      form({ grant_type: 'refresh_token', refresh_token: 'r' }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request' });
    expect(res.body.error_description).toMatch(/client_id, client_secret/);
  });

  it.each([
    ['missing', { client_id: CLIENT.clientId }],
    ['wrong', { ...credentials, client_secret: 'guess' }],
  ])('When the client secret is %s, then it is refused as invalid_client', async (_name, given) => {
    const res = await post(
      TOKEN,
      form({ grant_type: 'authorization_code', code: await newCode(), redirect_uri: REDIRECT, ...given }),
    );
    expect(res).toEqual({ status: 400, body: refusal('invalid_client', 'BAD_CLIENT_ID') });
  });

  it('When the code is unknown, then it is refused as invalid_grant (BAD_AUTH_CODE)', async () => {
    const res = await post(
      TOKEN,
      form({ grant_type: 'authorization_code', code: 'made-up', redirect_uri: REDIRECT, ...credentials }),
    );
    expect(res).toEqual({ status: 400, body: refusal('invalid_grant', 'BAD_AUTH_CODE') });
  });

  it('When a code is used twice, then the second exchange is refused and what the first one got is revoked', async () => {
    const code = await newCode();
    const first = await exchangeCode(client(), code, REDIRECT);
    const again = await post(
      TOKEN,
      form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...credentials }),
    );
    expect(again).toEqual({ status: 400, body: refusal('invalid_grant', 'BAD_AUTH_CODE') });
    expect(again.body.error_description).toMatch(/already used/);
    await expect(refreshAccessToken(client(), first.refreshToken)).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('When the code is older than five minutes, then it is refused as invalid_grant', async () => {
    const code = await newCode();
    clock += 5 * 60_000;
    const res = await post(
      TOKEN,
      form({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...credentials }),
    );
    expect(res.body).toMatchObject({ error: 'invalid_grant', error_description: 'auth code expired' });
  });

  it('When the redirect_uri differs from the consent request, then the code is refused as invalid_grant', async () => {
    const res = await post(
      TOKEN,
      form({
        grant_type: 'authorization_code',
        code: await newCode(),
        redirect_uri: 'https://evil.example/cb',
        ...credentials,
      }),
    );
    expect(res).toEqual({ status: 400, body: refusal('invalid_grant', 'BAD_REDIRECT_URI') });
  });

  it('When the refresh token was never issued, then it is refused as invalid_grant (BAD_REFRESH_TOKEN)', async () => {
    const res = await post(
      TOKEN,
      form({ grant_type: 'refresh_token', refresh_token: 'never-issued', ...credentials }),
    );
    expect(res).toEqual({ status: 400, body: refusal('invalid_grant', 'BAD_REFRESH_TOKEN') });
  });

  it('When the grant type is missing or unknown, then it is refused as invalid_request or unsupported_grant_type', async () => {
    expect((await post(TOKEN, form({ refresh_token: 'r', ...credentials }))).body).toMatchObject({
      error: 'invalid_request',
      error_description: 'missing grant_type',
    });
    expect(await post(TOKEN, form({ grant_type: 'password', ...credentials }))).toEqual({
      status: 400,
      body: refusal('unsupported_grant_type', 'BAD_GRANT_TYPE'),
    });
  });

  it('When introspection or revocation is asked about a token it never issued, then it is refused', async () => {
    const introspect = await post('/oauth/2026-03/token/introspect', form({ token: 'nope', ...credentials }));
    expect(introspect).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Token is invalid' },
    });
    const revoke = await post('/oauth/2026-03/token/revoke', form({ token: 'nope', ...credentials }));
    expect(revoke).toEqual({ status: 400, body: refusal('invalid_grant', 'BAD_REFRESH_TOKEN') });
  });

  it('When a client still calls the retired v1 endpoints, then they are not there (404)', async () => {
    const v1 = await fetch(`${url}/oauth/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ grant_type: 'refresh_token', refresh_token: 'r', ...credentials }),
    });
    expect(v1.status).toBe(404);
    expect((await fetch(`${url}/oauth/v1/access-tokens/some-token`)).status).toBe(404);
  });
});
