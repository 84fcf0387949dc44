import nock from 'nock';
import example from '../../../examples/agreement.json';
import { createApiClientGateway } from '../../../src/hubspot/api-client-gateway';
import { approveVersion } from '../../../src/use-cases/agreements/approve-version';
import { hubspotUsers, USER_TEAMS_TTL_MS } from '../../../src/use-cases/agreements/hubspot-users';
import { proposeVersion } from '../../../src/use-cases/agreements/propose-version';
import { saveDraft } from '../../../src/use-cases/agreements/save-draft';
import { fixture } from '../../hubspot/fixture';
import { inMemoryWorld } from './in-memory-world';
import { rejection } from './lifecycle-suite';
import { useNock } from '../../hubspot/use-nock';

const API = 'https://api.hubapi.com';
const portalId = '4242';
const user = (id: string, primaryTeamId: string) => ({
  ...fixture('settings-user'),
  id,
  primaryTeamId,
  secondaryTeamIds: [],
});
const gatewayFor = (portal: string) =>
  createApiClientGateway({ accessToken: `token-${portal}`, basePath: API });

useNock();

describe('hubspotUsers', () => {
  it('When a marketing user proposes, then a user HubSpot puts on a sales team (as secondary) can approve', async () => {
    nock(API, { reqheaders: { authorization: `Bearer token-${portalId}` } })
      .get('/settings/v3/users/mika')
      .query(true)
      .reply(200, user('mika', 'm7'))
      .get('/settings/v3/users/sato')
      .query(true)
      .reply(200, fixture('settings-user'));
    const world = inMemoryWorld();
    const ports = { ...world.ports, userTeams: hubspotUsers(gatewayFor) };
    // The fixture user's teams are s1 (primary), s2 and m1 (secondary); only s2 is mapped.
    await world.mapTeams(portalId, { marketingTeamIds: ['m7'], salesTeamIds: ['s2'] });

    const draft = await saveDraft(ports, { portalId, userId: 'mika', body: example });
    await proposeVersion(ports, {
      portalId,
      version: draft.version,
      actor: { userId: 'mika' },
      rationale: 'Bigger companies',
    });
    await approveVersion(ports, { portalId, version: draft.version, actor: { userId: 'sato' } });

    expect((await ports.versions.active(portalId))?.approvedBy).toBe('sato');
  });

  it('When HubSpot does not know the user, then they cannot propose', async () => {
    nock(API).get('/settings/v3/users/ghost').query(true).reply(404, fixture('settings-user-404'));
    const world = inMemoryWorld();
    const ports = { ...world.ports, userTeams: hubspotUsers(gatewayFor) };
    await world.mapTeams(portalId, { marketingTeamIds: ['m1'], salesTeamIds: ['s1'] });
    const draft = await saveDraft(ports, { portalId, userId: 'ghost', body: example });

    await rejection(
      proposeVersion(ports, { portalId, version: draft.version, actor: { userId: 'ghost' }, rationale: 'x' }),
      'forbidden',
    );
  });

  it('asks HubSpot for teams once a minute per portal and user', async () => {
    const asked: string[] = [];
    let now = 0;
    const lookup = hubspotUsers(
      (portal) => ({
        getUser: async (userId) => (
          asked.push(`${portal}/${userId}`),
          { id: userId, email: null, teamIds: [`team-of-${userId}`], superAdmin: false }
        ),
      }),
      () => now,
    );

    await lookup.teamIdsOf('1', 'sato');
    await lookup.teamIdsOf('1', 'sato');
    await lookup.teamIdsOf('2', 'sato');
    now += USER_TEAMS_TTL_MS;
    expect(await lookup.teamIdsOf('1', 'sato')).toEqual(['team-of-sato']);

    expect(asked).toEqual(['1/sato', '2/sato', '1/sato']);
  });

  it('When a super admin loses the right, then the very next question says so: admin rights are never cached', async () => {
    let superAdmin = true;
    const lookup = hubspotUsers(() => ({
      getUser: async (userId) => ({ id: userId, email: null, teamIds: [], superAdmin }),
    }));

    expect(await lookup.isSuperAdmin('1', 'admin')).toBe(true);
    superAdmin = false;
    expect(await lookup.isSuperAdmin('1', 'admin')).toBe(false);
  });

  it('When HubSpot does not know the user, then they are no super admin', async () => {
    nock(API).get('/settings/v3/users/ghost').query(true).reply(404, fixture('settings-user-404'));

    expect(await hubspotUsers(gatewayFor).isSuperAdmin(portalId, 'ghost')).toBe(false);
  });
});
