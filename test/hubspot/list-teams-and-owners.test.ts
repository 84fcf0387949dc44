import nock from 'nock';
import { isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { fixture } from './fixture';
import { useNock } from './use-nock';

const API = 'https://api.hubapi.com';
const gateway = () => createApiClientGateway({ accessToken: 'token-abc', basePath: API });

useNock();

describe('listTeams', () => {
  it('When HubSpot lists the account teams, then each comes back with its id and name, sorted by name', async () => {
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .get('/settings/v3/users/teams')
      .reply(200, fixture('settings-teams'));

    expect(await gateway().listTeams()).toEqual([
      { id: '22', name: 'Inside Sales' },
      { id: '11', name: 'Marketing Tokyo' },
      { id: '33', name: 'フィールドセールス大阪' },
    ]);
  });

  it('When the token lacks settings.users.teams.read (403), then it fails as forbidden', async () => {
    const body = fixture('error-403-missing-scopes');
    nock(API).get('/settings/v3/users/teams').reply(403, body);

    const error = await gateway()
      .listTeams()
      .catch((e: unknown) => e);
    expect(isAppError(error, 'forbidden')).toBe(true);
    expect((error as Error).message).toContain("hasn't been granted all required scopes");
  });
});

describe('listOwners', () => {
  it('When there are two pages of owners, then each page is read with the cursor HubSpot gave', async () => {
    nock(API, { reqheaders: { authorization: 'Bearer token-abc' } })
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false' })
      .reply(200, fixture('crm-owners-page-1'))
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false', after: 'MjA=' })
      .reply(200, fixture('crm-owners-page-2'));

    const first = await gateway().listOwners(undefined, false);
    expect(first).toEqual({
      owners: [
        {
          id: '41629779',
          firstName: 'Hana',
          lastName: 'Sato',
          email: 'hana.sato@example.co.jp',
          archived: false,
          userId: '9001',
          teamIds: ['22'],
        },
        {
          id: '41629781',
          firstName: 'Kenji',
          lastName: 'Ito',
          email: 'kenji.ito@example.co.jp',
          archived: false,
          userId: '9003',
          teamIds: ['33'],
        },
      ],
      after: 'MjA=',
    });
    const second = await gateway().listOwners(first.after, false);
    expect(second).toEqual({
      owners: [
        {
          id: '41629782',
          firstName: null,
          lastName: null,
          email: 'sales-desk@example.co.jp',
          archived: false,
          userId: '9004',
          // HubSpot leaves `teams` out for an owner on no team.
          teamIds: [],
        },
      ],
    });
  });

  it('When archived owners are asked for, then HubSpot is asked with archived=true', async () => {
    nock(API)
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'true' })
      .reply(200, fixture('crm-owners-archived'));

    const page = await gateway().listOwners(undefined, true);
    expect(page.owners).toEqual([
      {
        id: '41629780',
        firstName: 'Yuki',
        lastName: 'Tanaka',
        email: 'yuki.tanaka@example.co.jp',
        archived: true,
        // A deactivated user's owner has only userIdIncludingInactive.
        userId: '9002',
        teamIds: [],
      },
    ]);
  });

  it('When the token lacks crm.objects.owners.read (403), then it fails as forbidden', async () => {
    nock(API).get('/crm/v3/owners/').query(true).reply(403, fixture('error-403-missing-scopes'));

    const error = await gateway()
      .listOwners(undefined, false)
      .catch((e: unknown) => e);
    expect(isAppError(error, 'forbidden')).toBe(true);
  });
});
