import { simulateResponseSchema } from '../../../src/contracts/simulate';
import { PORTAL_A, startApi, type Api } from './api-harness';
import { activateExample, connectPortal, EXAMPLE_AGREEMENT } from './api-seed';
import { storeManyContacts } from './simulation-contacts';

// Seeding and simulating tens of thousands of contacts is slow on a busy machine.
jest.setTimeout(60_000);

const CONTACTS = 15_000;
let api: Api;
beforeAll(async () => {
  api = await startApi();
  await connectPortal(api);
  await activateExample(api);
  await storeManyContacts(api, CONTACTS);
});
afterAll(async () => {
  await api.close();
});

const simulate = () =>
  api.call('POST', '/api/simulate', {
    portalId: PORTAL_A,
    user: 'm1',
    body: { agreement: EXAMPLE_AGREEMENT },
  });

/** Resolves each time a simulation reads its first page of contacts: it is running from then on. */
function watchStarts(): { started: (n: number) => Promise<void>; restore: () => void } {
  const original = api.store.contactBatches.page;
  let starts = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  api.store.contactBatches.page = async (portalId, after, limit) => {
    if (after === null) {
      starts++;
      waiting.filter((w) => w.n <= starts).forEach((w) => w.resolve());
    }
    return original(portalId, after, limit);
  };
  return {
    started: (n) =>
      starts >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve })),
    restore: () => void (api.store.contactBatches.page = original),
  };
}

describe('a simulation of many stored contacts', () => {
  it('When /healthz is asked while a big simulation runs, then it is answered before the simulation finishes', async () => {
    const watch = watchStarts();
    const finished: string[] = [];
    const running = simulate().then(async (res) => {
      finished.push('simulation');
      return simulateResponseSchema.parse(await res.json());
    });
    await watch.started(1);
    const health = await fetch(`${api.url}/healthz`);
    finished.push('healthz');
    expect(health.status).toBe(200);
    const result = await running;
    watch.restore();
    expect(result.contactsEvaluated).toBe(CONTACTS);
    expect(finished).toEqual(['healthz', 'simulation']);
  });

  it('When two simulations run, then a third is refused with 429 at once and the two complete', async () => {
    const watch = watchStarts();
    const two = [simulate(), simulate()];
    await watch.started(2);
    const third = await simulate();
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/already running.*try again/) },
    });
    const statuses = await Promise.all(two.map(async (r) => (await r).status));
    watch.restore();
    expect(statuses).toEqual([200, 200]);
    expect((await simulate()).status).toBe(200);
  });
});
