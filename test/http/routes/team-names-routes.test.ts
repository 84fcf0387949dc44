import nock from 'nock';
import { teamsResponseSchema } from '../../../src/contracts/agreements';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { fixture } from '../../hubspot/fixture';
import { useNock } from '../../hubspot/use-nock';
import { PORTAL_A, startApi, type Api } from './api-harness';
import { connectPortal } from './api-seed';

const HUBSPOT = 'https://api.hubapi.com';

useNock();

let api: Api;
beforeEach(async () => {
  api = await startApi({
    gatewayFor: () => createApiClientGateway({ accessToken: 'token-abc', basePath: HUBSPOT }),
  });
  await connectPortal(api); // team 11 marketing, 22 sales
});
afterEach(async () => {
  await api.close();
});

const teams = async () => {
  const res = await api.call('GET', '/api/settings/teams', { portalId: PORTAL_A, user: 'm1' });
  expect(res.status).toBe(200);
  return teamsResponseSchema.parse(await res.json());
};

describe('GET /api/settings/teams', () => {
  it("When HubSpot lists the account's teams, then every team is offered by its HubSpot name", async () => {
    nock(HUBSPOT, { reqheaders: { authorization: 'Bearer token-abc' } })
      .get('/settings/v3/users/teams')
      .reply(200, fixture('settings-teams'));

    const answer = await teams();

    expect(answer.teams.map((t) => [t.id, t.name])).toEqual([
      ['22', 'Inside Sales'],
      ['11', 'Marketing Tokyo'],
      ['33', 'フィールドセールス大阪'],
    ]);
    expect(answer.names).toEqual({ source: 'hubspot' });
    expect(JSON.stringify(answer)).not.toMatch(/Team \d/);
  });

  it('When the page is opened again within minutes, then HubSpot is not asked a second time', async () => {
    nock(HUBSPOT).get('/settings/v3/users/teams').once().reply(200, fixture('settings-teams'));

    await teams();
    expect((await teams()).names).toEqual({ source: 'hubspot' });
  });

  it('When a mapped team was deleted in HubSpot, then it is still listed, by its id, marked unnamed', async () => {
    const { results } = fixture<{ results: { id: string }[] }>('settings-teams');
    nock(HUBSPOT)
      .get('/settings/v3/users/teams')
      .reply(200, { results: results.filter((team) => team.id !== '22') });

    const answer = await teams();

    expect(answer.teams.at(-1)).toEqual({ id: '22', name: '22', named: false });
  });

  it('When the token lacks settings.users.teams.read, then the mapped teams are listed by id and the answer says why', async () => {
    nock(HUBSPOT).get('/settings/v3/users/teams').reply(403, fixture('error-403-missing-scopes'));

    const answer = await teams();

    expect(answer.teams).toEqual([
      { id: '11', name: '11', named: false },
      { id: '22', name: '22', named: false },
    ]);
    expect(answer.names).toEqual({
      source: 'ids',
      reason: 'missing_scope',
      scope: 'settings.users.teams.read',
    });
  });

  it('When HubSpot cannot be reached, then the teams are listed by id and the answer says HubSpot was unreachable', async () => {
    nock(HUBSPOT).get('/settings/v3/users/teams').replyWithError('connect ETIMEDOUT');

    expect((await teams()).names).toMatchObject({ source: 'ids', reason: 'unreachable' });
  });

  it('When a super admin saves the mapping, then the answer names the teams too', async () => {
    nock(HUBSPOT).get('/settings/v3/users/teams').reply(200, fixture('settings-teams'));
    const body = { marketingTeamIds: ['33'], salesTeamIds: ['22'] };

    const res = await api.call('PUT', '/api/settings/teams', { portalId: PORTAL_A, user: 'admin', body });

    expect(res.status).toBe(200);
    const answer = teamsResponseSchema.parse(await res.json());
    expect(answer).toMatchObject({
      marketingTeamIds: ['33'],
      salesTeamIds: ['22'],
      names: { source: 'hubspot' },
    });
    expect(answer.teams.find((t) => t.id === '33')?.name).toBe('フィールドセールス大阪');
  });
});
