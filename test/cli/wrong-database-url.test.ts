import { POSTGRES_ADMIN_URL } from '../store/test-databases';
import { runCli } from './run-cli';

it('When DATABASE_URL names a missing database, then `lead-pact serve` exits 1 naming the database, host, port, user and the driver reason, without the password or a stack', () => {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = '/lp_no_such_database';
  url.password = 'hunter2-secret';
  const run = runCli(['serve'], { DATABASE_URL: url.toString(), PORT: '0', LOG_LEVEL: 'silent' });
  expect(run.status).toBe(1);
  expect(run.stderr).toBe(
    `Cannot open the PostgreSQL database "lp_no_such_database" on ${url.hostname}:${url.port || '5432'} as user "${url.username}": ` +
      'database "lp_no_such_database" does not exist. Check DATABASE_URL.\n',
  );
  expect(run.stdout).not.toContain('hunter2-secret');
});
