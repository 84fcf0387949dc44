import { isAppError } from '../../src/domain/app-error';
import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { createStandin } from '../../src/standin/create-standin';
import { ownerNames } from '../../src/use-cases/names/owner-names';
import { teamNames } from '../../src/use-cases/names/team-names';
import { fixture } from '../hubspot/fixture';

const running: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(running.map((close) => close())));

/** A stand-in with HubSpot's teams fixture and `owners` owners (150 active by default, one archived). */
async function start(owners = manyOwners(150)) {
  const { url, close } = await createStandin({ seed: { contacts: [], companies: [] } }).listen(0);
  running.push(close);
  const put = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(204);
  };
  await put('/__standin/teams', fixture('settings-teams'));
  await put('/__standin/owners', { results: owners });
  const gateway = createApiClientGateway({ accessToken: 'tok-1', basePath: url });
  const get = (path: string, token: string | null = 'tok-1') =>
    fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { url, gateway, put, get };
}

function manyOwners(active: number) {
  const [hana] = fixture<{ results: Record<string, unknown>[] }>('crm-owners-page-1').results;
  const owners = Array.from({ length: active }, (_, i) => ({
    ...hana,
    id: String(50_000_000 + i),
    firstName: `Rep${i}`,
  }));
  return [...owners, ...fixture<{ results: unknown[] }>('crm-owners-archived').results];
}

describe('stand-in teams and owners', () => {
  it('When the account has teams, then the gateway lists them with their names', async () => {
    const { gateway } = await start();

    expect((await gateway.listTeams()).map((team) => team.name)).toEqual([
      'Inside Sales',
      'Marketing Tokyo',
      'フィールドセールス大阪',
    ]);
  });

  it('When there are 150 active owners, then they come in pages of 100 with a cursor, archived ones apart', async () => {
    const { gateway } = await start();

    const first = await gateway.listOwners(undefined, false);
    expect(first.owners).toHaveLength(100);
    expect(first.after).toEqual(expect.any(String));
    const second = await gateway.listOwners(first.after, false);
    expect(second.owners).toHaveLength(50);
    expect(second.after).toBeUndefined();
    expect((await gateway.listOwners(undefined, true)).owners.map((o) => o.id)).toEqual(['41629780']);
  });

  it('When the app names a report’s reps through the stand-in, then an archived owner is named too', async () => {
    const { gateway } = await start();
    const namesOf = ownerNames({ gatewayFor: () => gateway });

    const { names } = await namesOf('62515', ['50000149', '41629780']);

    expect([names.get('50000149'), names.get('41629780')]).toEqual(['Rep149 Sato', 'Yuki Tanaka']);
  });

  it('When a request has no token, then teams and owners answer 401 as HubSpot does', async () => {
    const { get } = await start();

    expect((await get('/settings/v3/users/teams', null)).status).toBe(401);
    expect((await get('/crm/v3/owners', null)).status).toBe(401);
  });

  it('When the token was not granted the teams and owners scopes, then each answers 403 MISSING_SCOPES naming its scope', async () => {
    const { put, get, gateway } = await start();
    await put('/__standin/scopes', { scopes: ['oauth', 'crm.objects.contacts.read', 'settings.users.read'] });

    const teams = await get('/settings/v3/users/teams');
    expect(teams.status).toBe(403);
    expect(await teams.json()).toMatchObject({
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredGranularScopes: ['settings.users.teams.read'] } }],
    });
    const owners = await get('/crm/v3/owners?limit=100');
    expect(owners.status).toBe(403);
    expect(await owners.json()).toMatchObject({
      errors: [{ context: { requiredGranularScopes: ['crm.objects.owners.read'] } }],
    });
    expect(isAppError(await gateway.listTeams().catch((e: unknown) => e), 'forbidden')).toBe(true);
    expect((await get('/settings/v3/users/404')).status).toBe(404); // settings.users.read was granted
  });

  it('When the scopes are withheld, then the app shows ids and says the scope is missing', async () => {
    const { put, gateway } = await start();
    await put('/__standin/scopes', { scopes: ['oauth'] });

    const teams = await teamNames({ gatewayFor: () => gateway })('62515');
    const owners = await ownerNames({ gatewayFor: () => gateway })('62515', ['41629780']);

    expect(teams.status).toEqual({
      source: 'ids',
      reason: 'missing_scope',
      scope: 'settings.users.teams.read',
    });
    expect(owners.status).toEqual({
      source: 'ids',
      reason: 'missing_scope',
      scope: 'crm.objects.owners.read',
    });
  });

  it('When the cursor was not issued by HubSpot or the page is over 500, then 400 names the parameter', async () => {
    const { get } = await start();

    const cursor = await get('/crm/v3/owners?after=bogus');
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: 'Invalid after: bogus',
    });
    expect((await get('/crm/v3/owners?limit=501')).status).toBe(400);
  });
});
