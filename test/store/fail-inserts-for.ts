import { sql } from 'kysely';
import { databaseOf, type Store } from '../../src/store/create-store';

/** Tables whose rows carry a contact id, where a test can make writes fail. */
export type ContactTable = 'qualification_history' | 'outbox' | 'verdicts';

/**
 * Makes the database refuse every insert into `table` for one contact (a trigger, as a full disk or a crash
 * mid-transaction would), on SQLite and PostgreSQL alike; returns the function that lifts the failure.
 */
export async function failInsertsFor(
  store: Store,
  table: ContactTable,
  contactId: string,
): Promise<() => Promise<void>> {
  const name = `fail_${table}`;
  const db = databaseOf(store).db;
  if (store.engine === 'sqlite') {
    await sql
      .raw(
        `create trigger ${name} before insert on ${table} when new.contact_id = '${contactId}' ` +
          `begin select raise(abort, 'injected failure'); end`,
      )
      .execute(db);
    return async () => void (await sql.raw(`drop trigger ${name}`).execute(db));
  }
  await sql
    .raw(
      `create function ${name}() returns trigger language plpgsql as $$ begin ` +
        `if new.contact_id = '${contactId}' then raise exception 'injected failure'; end if; ` +
        `return new; end $$`,
    )
    .execute(db);
  await sql
    .raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`)
    .execute(db);
  return async () => {
    await sql.raw(`drop trigger ${name} on ${table}`).execute(db);
    await sql.raw(`drop function ${name}()`).execute(db);
  };
}

/**
 * Matches the error a failed insert rejects with. better-sqlite3 builds its errors from the first test file
 * that loaded it, so they are not `instanceof Error` in later files and `toThrow` would not see them.
 */
export const injectedFailure = () => ({ message: expect.stringContaining('injected failure') as unknown });
