import nock from 'nock';
import { isAppError } from '../../src/errors/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: API });

useNock();

describe('getUserTeams', () => {
  it('When the user has a primary and secondary teams, then all their ids come back, primary first', async () => {
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .get('/settings/v3/users/9001')
      .query({ idProperty: 'USER_ID' })
      .reply(200, fixture('settings-user'));

    expect(await gateway().getUserTeams('9001')).toEqual(['s1', 's2', 'm1']);
  });

  it('When the user is on no team, then no team ids come back', async () => {
    const { primaryTeamId: _p, secondaryTeamIds: _s, ...teamless } = fixture('settings-user');
    nock(API).get('/settings/v3/users/9001').query(true).reply(200, teamless);

    expect(await gateway().getUserTeams('9001')).toEqual([]);
  });

  it('When HubSpot does not know the user (404), then the user is on no team', async () => {
    nock(API).get('/settings/v3/users/404404').query(true).reply(404, fixture('settings-user-404'));

    expect(await gateway().getUserTeams('404404')).toEqual([]);
  });

  it('When the token lacks the users scope (403), then it fails as forbidden instead of guessing', async () => {
    nock(API)
      .get('/settings/v3/users/9001')
      .query(true)
      .reply(403, { status: 'error', message: 'missing scopes', category: 'MISSING_SCOPES' });

    const error = await gateway()
      .getUserTeams('9001')
      .catch((e: unknown) => e);
    expect(isAppError(error, 'forbidden')).toBe(true);
  });
});
