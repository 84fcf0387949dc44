import { createApiClientGateway } from '../../src/hubspot/api-client-gateway';
import { createStandin } from '../../src/standin/create-standin';

const running: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(running.map((close) => close())));

async function start() {
  const { url, close } = await createStandin({ seed: { contacts: [], companies: [] } }).listen(0);
  running.push(close);
  return { url, gateway: createApiClientGateway({ accessToken: 'tok-1', basePath: url }) };
}

describe('stand-in users API', () => {
  it('When a user is given teams, then the gateway reads them back, primary first', async () => {
    const { url, gateway } = await start();
    const put = await fetch(`${url}/__standin/users/77`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ primaryTeamId: 's1', secondaryTeamIds: ['m1'] }),
    });
    expect(put.status).toBe(204);

    expect(await gateway.getUserTeams('77')).toEqual(['s1', 'm1']);
  });

  it('When the user is unknown, then it answers 404 and the gateway sees no team', async () => {
    const { url, gateway } = await start();
    const headers = { authorization: 'Bearer tok-1' };
    expect((await fetch(`${url}/settings/v3/users/404`, { headers })).status).toBe(404);
    expect((await fetch(`${url}/settings/v3/users/404`)).status).toBe(401);
    expect(await gateway.getUserTeams('404')).toEqual([]);
  });
});
