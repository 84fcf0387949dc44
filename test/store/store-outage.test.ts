import { sql } from 'kysely';
import { databaseOf, type Store } from '../../src/store/create-store';
import { cutPostgres, lockSqlite, restorePostgres } from './database-outages';
import { openTestStore, tempPostgres, tempSqlite, type TestDatabase } from './test-databases';

const job = (n: number, payload: unknown = { n }) => ({
  type: 'outage-test',
  payload,
  idempotencyKey: `k${n}`,
});

/** What `promise` was rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Waits until the store answers again (the pool opens a fresh connection on the next query). */
async function answering(store: Store): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (
      await store.ping().then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the store did not answer again');
}

describe('a store whose PostgreSQL database goes away', () => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => ({ store, database } = await openTestStore(tempPostgres)));
  afterEach(async () => {
    await restorePostgres(database.options.databaseUrl!);
    await store.close();
    await database.drop();
  });

  it('When the database stops accepting connections, then every call fails as unavailable with the reason, and works again once it is back, nothing lost', async () => {
    await store.jobs.enqueue(job(1), 1);
    await cutPostgres(database.options.databaseUrl!);

    const refused = await rejection(store.jobs.enqueue(job(2), 2));
    expect(refused).toMatchObject({
      code: 'unavailable',
      httpStatus: 503,
      message: 'The database is unavailable: the database is not accepting connections.',
    });
    await expect(store.ping()).rejects.toMatchObject({ code: 'unavailable' });
    await expect(store.transaction((tx) => tx.jobs.enqueue(job(3), 3))).rejects.toMatchObject({
      code: 'unavailable',
    });

    await restorePostgres(database.options.databaseUrl!);
    await answering(store);
    await store.jobs.enqueue(job(2), 4);
    expect((await store.jobs.list()).map((j) => j.payload)).toEqual([{ n: 2 }, { n: 1 }]);
  });

  it('When a query breaks a constraint, then its error is not taken for an outage', async () => {
    const error = await rejection(
      databaseOf(store)
        .db.insertInto('jobs')
        .values({ type: 'x' } as never)
        .execute(),
    );
    expect(error).not.toMatchObject({ code: 'unavailable' });
    expect(error).toMatchObject({ code: '23502' }); // not_null_violation, as the driver said
  });
});

describe('a store whose SQLite file is locked or full', () => {
  let store: Store;
  let database: TestDatabase;
  beforeEach(async () => ({ store, database } = await openTestStore(async () => tempSqlite())));
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('When another process holds the write lock, then the ping fails at once saying the file is locked, and passes once it is released', async () => {
    const lock = lockSqlite(database.options.dataDir);
    try {
      const started = performance.now();
      await expect(store.ping()).rejects.toMatchObject({
        code: 'unavailable',
        message: 'The database is unavailable: the database file is locked by another process.',
      });
      // Well under the 10 s a writer waits: the probe must not hold the process that long.
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      lock.release();
    }
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('When the disk is full, then writes fail as unavailable, the ping says so, and both recover once there is room', async () => {
    const { page_count } = (
      await sql<{ page_count: number }>`pragma page_count`.execute(databaseOf(store).db)
    ).rows[0]!;
    await sql.raw(`pragma max_page_count = ${page_count + 2}`).execute(databaseOf(store).db);
    const big = 'x'.repeat(20_000);
    let refused: unknown;
    for (let n = 1; n <= 20 && refused === undefined; n++)
      refused = await store.jobs.enqueue(job(n, { big }), n).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({
      code: 'unavailable',
      message: 'The database is unavailable: the disk is full.',
    });
    await expect(store.ping()).rejects.toMatchObject({
      message: 'The database is unavailable: the disk is full.',
    });

    await sql.raw('pragma max_page_count = 1073741823').execute(databaseOf(store).db);
    await store.jobs.enqueue(job(100), 100);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
