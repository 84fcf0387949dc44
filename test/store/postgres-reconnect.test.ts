import { Client } from 'pg';
import { openTestStore, POSTGRES_ADMIN_URL, tempPostgres } from './test-databases';

async function terminateConnections(databaseUrl: string): Promise<number> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const result = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('store on postgres when the server drops its connections', () => {
  it('When PostgreSQL terminates the idle connections, then the process keeps running and the next query works', async () => {
    const { store, database } = await openTestStore(tempPostgres);
    try {
      await store.ping();
      expect(await terminateConnections(database.options.databaseUrl!)).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(store.ping()).resolves.toBeUndefined();
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
