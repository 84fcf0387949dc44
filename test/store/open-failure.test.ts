import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../src/store/create-store';
import { POSTGRES_ADMIN_URL } from './test-databases';

/** The admin URL with another database, port or password: what a mistyped DATABASE_URL looks like. */
function wrongUrl(change: { database?: string; port?: string; password?: string }): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  if (change.database) url.pathname = `/${change.database}`;
  if (change.port) url.port = change.port;
  if (change.password) url.password = change.password;
  return url.toString();
}

/** The message createStore fails with. */
async function failureOf(options: { databaseUrl?: string; dataDir: string }): Promise<string> {
  try {
    const store = await createStore(options);
    await store.close();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the store not to open');
}

describe('a store that cannot open', () => {
  const { hostname, port, username } = new URL(POSTGRES_ADMIN_URL);
  const where = `on ${hostname}:${port || '5432'} as user "${username}"`;
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-open-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('When DATABASE_URL names a database that does not exist, then the error names the database, host, port and user and gives the driver reason, never the password', async () => {
    const databaseUrl = wrongUrl({ database: 'lp_no_such_database', password: 'hunter2-secret' });
    const message = await failureOf({ databaseUrl, dataDir });
    expect(message).toBe(
      `Cannot open the PostgreSQL database "lp_no_such_database" ${where}: database "lp_no_such_database" does not exist. Check DATABASE_URL.`,
    );
    expect(message).not.toContain('hunter2-secret');
  });

  it('When nothing listens on the DATABASE_URL port, then the error says so with the host and port', async () => {
    const databaseUrl = wrongUrl({ port: '1', password: 'hunter2-secret' });
    const message = await failureOf({ databaseUrl, dataDir });
    expect(message).toMatch(
      new RegExp(
        `^Cannot open the PostgreSQL database "\\w+" on ${hostname}:1 as user "${username}": connect ECONNREFUSED`,
      ),
    );
    expect(message).not.toContain('hunter2-secret');
  });

  it('When the SQLite file cannot be created, then the error names the file and the reason', async () => {
    const blocked = path.join(dataDir, 'not-a-dir');
    fs.writeFileSync(blocked, 'a file where DATA_DIR should be a directory');
    const message = await failureOf({ dataDir: blocked });
    expect(message).toMatch(
      new RegExp(
        `^Cannot open the SQLite database ${blocked}/lead-pact.sqlite: .*EEXIST.*\\. Check DATA_DIR\\.$`,
      ),
    );
  });
});
