import { agreementsResponseSchema } from '../../../src/contracts/agreements';
import { PORTAL_A, startApi, type Api } from './api-harness';
import { connectPortal, EXAMPLE_AGREEMENT } from './api-seed';

let api: Api;
beforeEach(async () => {
  api = await startApi();
  await connectPortal(api);
});
afterEach(async () => {
  await api.close();
});

const as = (user: string) => ({
  get: (path: string) => api.call('GET', path, { portalId: PORTAL_A, user }),
  send: (method: string, path: string, body: unknown) =>
    api.call(method, path, { portalId: PORTAL_A, user, body }),
});
const view = async (res: Response) => {
  expect(res.status).toBe(200);
  return agreementsResponseSchema.parse(await res.json());
};
const withCapacity = (capacity: number) => ({
  ...EXAMPLE_AGREEMENT,
  capacity: { ...EXAMPLE_AGREEMENT.capacity, default: capacity },
});

/** Marketing drafts and proposes, sales approves: one more version over HTTP. */
async function approveOneMore(capacity: number): Promise<void> {
  const draft = await view(
    await as('m1').send('PUT', '/api/agreements/draft', { agreement: withCapacity(capacity) }),
  );
  const version = draft.open!.version;
  await view(
    await as('m1').send('POST', '/api/agreements/propose', { version, rationale: `capacity ${capacity}` }),
  );
  await view(await as('s1').send('POST', '/api/agreements/approve', { version }));
}

describe('the agreement history over HTTP', () => {
  it('When a draft is saved five times without a version number, then it stays one version and the answer does not grow', async () => {
    const sizes: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await as('m1').send('PUT', '/api/agreements/draft', { agreement: withCapacity(80 + i) });
      const text = await res.text();
      sizes.push(text.length);
      expect(res.status).toBe(200);
    }
    const after = await view(await as('m1').get('/api/agreements'));
    expect(after.history.map((v) => [v.version, v.status])).toEqual([[1, 'draft']]);
    expect(after.open).toMatchObject({ version: 1, agreement: { capacity: { default: 85 } } });
    expect(new Set(sizes).size).toBe(1);
  });

  it('When there are 12 versions, then the answer holds a page and a cursor that walks back to version 1', async () => {
    for (let i = 1; i <= 12; i++) await approveOneMore(80 + i);
    await as('m1').send('PUT', '/api/agreements/draft', { agreement: withCapacity(200) });
    const first = await view(await as('s1').get('/api/agreements?limit=5'));
    expect(first.history.map((v) => v.version)).toEqual([13, 12, 11, 10, 9]);
    expect(first.history[0]?.diff.map((l) => l.text)).toEqual([
      'capacity.default: now 200 per month, was 92',
    ]);
    expect(first).toMatchObject({ active: { version: 12 }, open: { version: 13 }, historyCursor: '9' });
    const second = await view(await as('s1').get(`/api/agreements?limit=5&cursor=${first.historyCursor}`));
    expect(second.history.map((v) => v.version)).toEqual([8, 7, 6, 5, 4]);
    expect(second).toMatchObject({ active: { version: 12 }, open: { version: 13, diff: first.open?.diff } });
    const last = await view(await as('s1').get(`/api/agreements?limit=5&cursor=${second.historyCursor}`));
    expect(last.history.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(last.historyCursor).toBeUndefined();
    const byDefault = await view(await as('s1').get('/api/agreements'));
    expect(byDefault.history).toHaveLength(10);
    expect(byDefault.historyCursor).toBe('4');
  });

  it('When the cursor or limit is not one the service gives, then 400 names it', async () => {
    const cursor = await as('m1').get('/api/agreements?cursor=v9');
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toMatchObject({ error: { details: [{ path: 'cursor' }] } });
    const limit = await as('m1').get('/api/agreements?limit=5000');
    expect(limit.status).toBe(400);
    expect(await limit.json()).toMatchObject({ error: { details: [{ path: 'limit' }] } });
  });
});
