import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { POSTGRES_ADMIN_URL } from './store/test-databases';

/**
 * What the suite needs from the machine, checked once before any test: the PostgreSQL database the store tests
 * create their own databases from (created when the server is up but the database is missing, as on a fresh
 * Debian PostgreSQL), and Chromium for the install pages (named plainly when missing).
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(POSTGRES_ADMIN_URL);
  const name = url.pathname.replace(/^\//, '');
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${url.host} (trust auth or TEST_POSTGRES_URL): ${(error as Error).message}. ` +
        'On Debian: apt-get install -y postgresql && pg_ctlcluster $(ls /etc/postgresql) main start',
    );
  }
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  if (!existsSync('/usr/bin/chromium'))
    process.stderr.write(
      '\n/usr/bin/chromium is missing: the install-page tests will fail. Install it: apt-get install -y chromium\n',
    );
}
