import { agreementsResponseSchema } from '../../../src/contracts/agreements';
import { agreementWithRules } from '../../domain/agreement-arbitraries';
import { PORTAL_A, startApi, type Api } from './api-harness';
import { connectPortal } from './api-seed';

let api: Api;
beforeEach(async () => {
  api = await startApi();
  await connectPortal(api);
});
afterEach(async () => {
  await api.close();
});

const send = (method: string, path: string, body: unknown) =>
  api.call(method, path, { portalId: PORTAL_A, user: 'm1', body });
/** 3,000 rules: 290 KB, within the route's body bound (api-body-limits), over the document's limits. */
const big = agreementWithRules(3_000);
const REFUSAL = [
  { path: '(root)', message: expect.stringMatching(/^at most 256 KB of JSON \(got 2\d\d KB\)$/) },
  { path: 'fit.rules', message: 'at most 50 rules (got 3,000)' },
];
const history = async () =>
  agreementsResponseSchema.parse(
    await (await api.call('GET', '/api/agreements', { portalId: PORTAL_A, user: 'm1' })).json(),
  ).history;

describe('agreement limits over HTTP', () => {
  it('When a 10,000-rule draft (970 KB) is saved, then it is refused before it is parsed and nothing is stored', async () => {
    const res = await send('PUT', '/api/agreements/draft', { agreement: agreementWithRules(10_000) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await history()).toEqual([]);
  });

  it('When a 3,000-rule draft is saved, then 400 names fit.rules and the size, as the CLI does, and nothing is stored', async () => {
    const res = await send('PUT', '/api/agreements/draft', { agreement: big });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', details: REFUSAL } });
    expect(await history()).toEqual([]);
  });

  it('When a 3,000-rule draft is simulated, then it is refused the same way', async () => {
    const res = await send('POST', '/api/simulate', { agreement: big });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', details: REFUSAL } });
  });

  it('When a draft has 51 rules (small in bytes), then 400 names fit.rules only', async () => {
    const res = await send('PUT', '/api/agreements/draft', { agreement: agreementWithRules(51) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { details: [{ path: 'fit.rules', message: 'at most 50 rules (got 51)' }] },
    });
  });
});
