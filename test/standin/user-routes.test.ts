import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { createStandin } from '../../src/standin/create-standin';

const running: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(running.map((close) => close())));

async function start() {
  const { url, close } = await createStandin({ seed: { contacts: [], companies: [] } }).listen(0);
  running.push(close);
  return { url, gateway: createApiClientGateway({ accessToken: 'tok-1', basePath: url }) };
}

const put = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('stand-in users API', () => {
  it('When a user is given teams, then the gateway reads them back, primary first', async () => {
    const { url, gateway } = await start();
    const put = await fetch(`${url}/__standin/users/77`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ primaryTeamId: 's1', secondaryTeamIds: ['m1'] }),
    });
    expect(put.status).toBe(204);

    expect(await gateway.getUser('77')).toEqual({
      id: '77',
      email: 'user-77@standin.example',
      teamIds: ['s1', 'm1'],
      superAdmin: false,
    });
  });

  it("When a user is made a super admin, then HubSpot's user answer says superAdmin true, as a boolean", async () => {
    const { url, gateway } = await start();
    await put(url, '/__standin/users/90', { primaryTeamId: 's1', superAdmin: true });
    await put(url, '/__standin/users/91', { primaryTeamId: 's1' });

    const raw = await fetch(`${url}/settings/v3/users/90`, { headers: { authorization: 'Bearer tok-1' } });
    expect(await raw.json()).toMatchObject({ id: '90', superAdmin: true });
    expect(await gateway.getUser('90')).toMatchObject({ superAdmin: true });
    expect(await gateway.getUser('91')).toMatchObject({ superAdmin: false });
  });

  it('When superAdmin is set to something other than a boolean, then the stand-in refuses it (400)', async () => {
    const { url } = await start();
    expect((await put(url, '/__standin/users/92', { superAdmin: 'yes' })).status).toBe(400);
  });

  it('When the user is unknown, then it answers 404 and the gateway sees no team', async () => {
    const { url, gateway } = await start();
    const headers = { authorization: 'Bearer tok-1' };
    expect((await fetch(`${url}/settings/v3/users/404`, { headers })).status).toBe(404);
    expect((await fetch(`${url}/settings/v3/users/404`)).status).toBe(401);
    expect(await gateway.getUser('404')).toBeNull();
  });
});
