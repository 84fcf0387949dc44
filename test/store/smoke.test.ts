import { ENGINE_FACTORIES, openTestStore } from './test-databases';
describe.each(ENGINE_FACTORIES)('%s', (_name, make) => {
  it('migrates', async () => {
    const { store, database } = await openTestStore(make);
    await store.ping();
    expect(await store.migrationStatus()).toEqual({ applied: ['001-initial'], pending: [] });
    await store.transaction(async (tx) => tx.checkpoints.set('1', 'x', { a: 1 }, 5));
    expect(await store.checkpoints.get('1', 'x')).toEqual({ a: 1 });
    await store.close();
    await database.drop();
  });
});
