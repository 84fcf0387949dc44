import { createStore } from '../../../src/store/create-store';
import { rescoreCheckpoint, rescorePortal } from '../../../src/use-cases/rescore/rescore-portal';
import { exited, printed, startChild } from '../../jobs/run-child';
import { ENGINE_FACTORIES } from '../../store/test-databases';
import { fakeEngine } from './fake-engine';
import { rescoreDeps } from './rescore-deps';
import { activate, agreementWith, contacts } from './rescore-fixtures';
import { historyRowCount } from './stored-rows';

jest.setTimeout(120_000);
const N = 6_000;

const CASES = [
  ...ENGINE_FACTORIES.map(([engine, make]) => [engine, make, ''] as const),
  ['sqlite, next page scored in a worker thread', ENGINE_FACTORIES[0][1], 'prefetch'] as const,
];

describe.each(CASES)('a rescore killed with SIGKILL on %s', (_engine, make, mode) => {
  it('continues when started again and leaves every contact qualified exactly once in the outbox', async () => {
    const database = await make();
    const store = await createStore(database.options);
    const portal = '4242';
    await store.contacts.upsertMany(
      portal,
      contacts(N, (i) => ({ grade: i % 7 === 0 ? 'A1' : 'C3', score: i % 100 })),
      1,
    );
    const version = await activate(store, portal, agreementWith({ capacity: 500 }));

    const child = startChild('use-cases/rescore/children/rescore-child.ts', [
      database.options.databaseUrl ?? '',
      database.options.dataDir,
      portal,
      String(version),
      mode,
    ]);
    await printed(child, 'done 1000');
    child.kill('SIGKILL');
    await exited(child);
    const midway = (await store.checkpoints.get(portal, rescoreCheckpoint(version))) as { done: number };
    expect(midway.done).toBeGreaterThanOrEqual(1000);
    expect(midway.done).toBeLessThan(N);

    const result = await rescorePortal(rescoreDeps(store, fakeEngine), {
      portalId: portal,
      agreementVersion: version,
      batchSize: 200,
    });
    expect(result).toMatchObject({ done: N, total: N, changed: N, finished: true, madeSalesReady: 500 });
    expect(await store.outbox.counts(portal)).toEqual({ pending: N, sent: 0, rejected: 0 });
    expect((await store.outbox.list(portal, 'pending', N)).filter((e) => e.revision !== 1)).toEqual([]);
    expect(await historyRowCount(database, portal)).toBe(N);
    await store.close();
    await database.drop();
  });
});
