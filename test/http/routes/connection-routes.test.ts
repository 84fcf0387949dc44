import { connectionResponseSchema } from '../../../src/contracts/connection';
import { PORTAL_A, startApi, type Api } from './api-harness';

let api: Api;
beforeEach(async () => {
  api = await startApi();
});
afterEach(async () => {
  await api.close();
});

it('When the portal never installed the app, then the connection says not installed', async () => {
  const res = await api.call('GET', '/api/settings/connection', { portalId: PORTAL_A, user: 'm1' });
  expect(res.status).toBe(200);
  expect(connectionResponseSchema.parse(await res.json())).toEqual({
    status: 'not_installed',
    reason: null,
    message: null,
  });
});
