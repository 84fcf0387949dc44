import nock from 'nock';
import { isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: API });
const user = (changes: Record<string, unknown>) => ({ ...fixture('settings-user'), ...changes });

useNock();

describe('getUser', () => {
  it('When the user has a primary and secondary teams, then all their ids come back, primary first, not a super admin', async () => {
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .get('/settings/v3/users/9001')
      .query({ idProperty: 'USER_ID' })
      .reply(200, fixture('settings-user'));

    expect(await gateway().getUser('9001')).toEqual({
      id: '9001',
      email: 'sato@example.co.jp',
      teamIds: ['s1', 's2', 'm1'],
      superAdmin: false,
    });
  });

  it('When HubSpot says the user is a super admin, then the gateway says so', async () => {
    nock(API)
      .get('/settings/v3/users/9001')
      .query(true)
      .reply(200, user({ superAdmin: true }));

    expect(await gateway().getUser('9001')).toMatchObject({ superAdmin: true });
  });

  it('When superAdmin comes as a string (as in one of HubSpot\'s examples), then "false" is no super admin and "true" is one', async () => {
    nock(API)
      .get('/settings/v3/users/1')
      .query(true)
      .reply(200, user({ id: '1', superAdmin: 'false' }));
    nock(API)
      .get('/settings/v3/users/2')
      .query(true)
      .reply(200, user({ id: '2', superAdmin: 'true' }));

    expect(await gateway().getUser('1')).toMatchObject({ superAdmin: false });
    expect(await gateway().getUser('2')).toMatchObject({ superAdmin: true });
  });

  it('When superAdmin is missing or odd, then the user is no super admin', async () => {
    const { superAdmin: _s, ...without } = fixture('settings-user');
    nock(API).get('/settings/v3/users/1').query(true).reply(200, without);
    nock(API)
      .get('/settings/v3/users/2')
      .query(true)
      .reply(200, user({ superAdmin: 'yes' }));

    expect(await gateway().getUser('1')).toMatchObject({ superAdmin: false });
    expect(await gateway().getUser('2')).toMatchObject({ superAdmin: false });
  });

  it('When the user is on no team, then no team ids come back', async () => {
    const { primaryTeamId: _p, secondaryTeamIds: _s, ...teamless } = fixture('settings-user');
    nock(API).get('/settings/v3/users/9001').query(true).reply(200, teamless);

    expect(await gateway().getUser('9001')).toMatchObject({ teamIds: [] });
  });

  it('When HubSpot does not know the user (404), then there is no user', async () => {
    nock(API).get('/settings/v3/users/404404').query(true).reply(404, fixture('settings-user-404'));

    expect(await gateway().getUser('404404')).toBeNull();
  });

  it('When the token lacks the users scope (403), then it fails as forbidden instead of guessing', async () => {
    nock(API)
      .get('/settings/v3/users/9001')
      .query(true)
      .reply(403, { status: 'error', message: 'missing scopes', category: 'MISSING_SCOPES' });

    const error = await gateway()
      .getUser('9001')
      .catch((e: unknown) => e);
    expect(isAppError(error, 'forbidden')).toBe(true);
  });
});
