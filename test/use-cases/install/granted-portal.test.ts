import nock from 'nock';
import type { OAuthTokens } from '../../../src/hubspot/oauth';
import { grantedPortal } from '../../../src/use-cases/install/granted-portal';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { hubspotOAuth } from '../../../src/composition/hubspot-oauth';

const API = 'https://api.hubapi.com';
const client = { apiBaseUrl: API, clientId: 'client-id-1', clientSecret: 'client-secret-1' };
const oauth = hubspotOAuth(client);
const tokens = (extra: Partial<OAuthTokens> = {}): OAuthTokens => ({
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresInSeconds: 1800,
  tokenType: 'bearer',
  ...extra,
});

useNock();

describe('grantedPortal', () => {
  it('When the token response names the hub and scopes, then they are used without another request', async () => {
    // useNock fails the test on any request that was not stubbed.
    await expect(grantedPortal(oauth, tokens({ hubId: 62515, scopes: ['oauth'] }))).resolves.toEqual({
      portalId: '62515',
      scopes: ['oauth'],
    });
  });

  it('When the token response has no hub_id, then the access token is introspected once', async () => {
    let form: Record<string, string> | undefined;
    nock(API)
      .post('/oauth/2026-03/token/introspect', (body: Record<string, string>) => ((form = body), true))
      .reply(200, fixture('oauth-2026-03-introspect-access-token'));
    const granted = await grantedPortal(oauth, tokens());
    expect(granted).toMatchObject({ portalId: '62515' });
    expect(granted.scopes).toContain('crm.objects.contacts.write');
    expect(form).toMatchObject({ token: 'access-1', token_type_hint: 'access_token' });
  });
});
