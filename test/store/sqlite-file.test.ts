import fs from 'node:fs';
import path from 'node:path';
import { createStore } from '../../src/store/create-store';
import { SQLITE_FILE } from '../../src/store/open-database';
import { tempSqlite } from './test-databases';

describe('the SQLite file in DATA_DIR', () => {
  it('is created in WAL mode and never holds a token in clear', async () => {
    const database = tempSqlite();
    const store = await createStore(database.options);
    await store.installations.connect(
      '1',
      { accessToken: 'CLEAR-ACCESS-TOKEN', refreshToken: 'CLEAR-REFRESH', expiresAt: 1 },
      [],
      1,
    );
    await store.close();
    const files = fs.readdirSync(database.options.dataDir).filter((f) => f.startsWith(SQLITE_FILE));
    const bytes = files
      .map((f) => fs.readFileSync(path.join(database.options.dataDir, f)).toString('latin1'))
      .join('');
    expect(bytes).toContain('SQLite format 3');
    expect(bytes).not.toContain('CLEAR-ACCESS-TOKEN');
    expect(bytes).not.toContain('CLEAR-REFRESH');
    const header = fs.readFileSync(path.join(database.options.dataDir, SQLITE_FILE));
    expect(header[18]).toBe(2); // file format write version 2 = WAL
    await database.drop();
  });

  it('refuses to store tokens when no encryption key is configured', async () => {
    const database = tempSqlite();
    const store = await createStore({ dataDir: database.options.dataDir });
    await expect(
      store.installations.connect('1', { accessToken: 't', refreshToken: null, expiresAt: null }, [], 1),
    ).rejects.toThrow('TOKEN_ENCRYPTION_KEY');
    await store.close();
    await database.drop();
  });
});
