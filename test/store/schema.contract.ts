import { exampleAgreement } from '../domain/example-agreement';
import { createStore } from '../../src/store/create-store';
import type { TestDatabase } from './test-databases';
import { useStore } from './store-contract';

/** Migrations, ping and transactions behave the same on every engine. */
export function schemaContract(make: () => Promise<TestDatabase>) {
  const store = useStore(make);

  it('applies every migration at start-up and reports none pending', async () => {
    expect(await store().migrationStatus()).toEqual({
      applied: [
        '001-initial',
        '002-report-history',
        '003-portal-time-zone',
        '004-request-receipts',
        '005-job-deferrals',
        '006-proposal-team-mapping',
        '007-quiz',
        '008-route-capacity',
        '009-leads',
        '010-held-back',
      ],
      pending: [],
    });
    await expect(store().ping()).resolves.toBeUndefined();
  });

  it('opens an already migrated database again without changing it', async () => {
    const database = await make();
    const first = await createStore(database.options);
    await first.close();
    const second = await createStore(database.options);
    expect(await second.migrationStatus()).toEqual({
      applied: [
        '001-initial',
        '002-report-history',
        '003-portal-time-zone',
        '004-request-receipts',
        '005-job-deferrals',
        '006-proposal-team-mapping',
        '007-quiz',
        '008-route-capacity',
        '009-leads',
        '010-held-back',
      ],
      pending: [],
    });
    await second.close();
    await database.drop();
  });

  it('rolls back every write of a transaction that throws', async () => {
    await expect(
      store().transaction(async (tx) => {
        await tx.checkpoints.set('p-rollback', 'sync', { after: '10' }, 1);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store().checkpoints.get('p-rollback', 'sync')).toBeUndefined();
  });

  it('keeps the writes of a committed transaction, nested transactions joining it', async () => {
    await store().transaction(async (tx) => {
      await tx.checkpoints.set('p-commit', 'sync', { after: '10' }, 1);
      const draft = { name: 'v1', body: exampleAgreement(), createdBy: null, createdAt: 1 };
      await tx.agreements.create({ portalId: 'p-commit', ...draft });
    });
    expect(await store().checkpoints.get('p-commit', 'sync')).toEqual({ after: '10' });
    expect((await store().agreements.list('p-commit')).map((v) => v.version)).toEqual([1]);
  });
}
