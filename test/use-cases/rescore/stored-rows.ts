import { openDatabase } from '../../../src/store/open-database';
import type { TestDatabase } from '../../store/test-databases';

/** Runs `fn` on a connection of its own to a test database: for what no production code reads, like whole tables. */
export async function withDatabase<T>(
  database: TestDatabase,
  fn: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>,
): Promise<T> {
  const { db } = openDatabase(database.options);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** How many qualification history rows a portal has (each changed verdict adds one). */
export function historyRowCount(database: TestDatabase, portalId: string): Promise<number> {
  return withDatabase(database, async (db) => {
    const row = await db
      .selectFrom('qualification_history')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('portal_id', '=', portalId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
}
