import { asDatabaseOutage, outageReason } from '../../src/store/database-outage';

/** A driver error as pg, better-sqlite3 or Node's sockets raise it. */
const driverError = (code: string, message = 'driver message') => Object.assign(new Error(message), { code });

describe('which driver errors are an outage, and the reason anyone may read', () => {
  it.each([
    [
      '57P01',
      'terminating connection due to administrator command',
      'the database server is shutting down or restarting',
    ],
    ['57P03', 'the database system is starting up', 'the database server is starting up'],
    ['3D000', 'database "x" does not exist', 'the database does not exist'],
    ['53100', 'could not extend file: No space left on device', 'the disk is full'],
    ['53300', 'sorry, too many clients already', 'the database server has too many connections'],
    ['08006', 'connection failure', 'the connection to the database was lost'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432', 'the database server refused the connection'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND db.internal', 'the database host name cannot be resolved'],
    ['SQLITE_BUSY', 'database is locked', 'the database file is locked by another process'],
    ['SQLITE_FULL', 'database or disk is full', 'the disk is full'],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', 'the database file cannot be read or written'],
  ])('%s (%s) is an outage: %s', (code, message, reason) => {
    expect(outageReason(driverError(code, message))).toBe(reason);
    expect(asDatabaseOutage(driverError(code, message))).toMatchObject({
      code: 'unavailable',
      httpStatus: 503,
      message: `The database is unavailable: ${reason}.`,
    });
  });

  it('When pg says the connection ended, with no code, then it is an outage', () => {
    expect(outageReason(new Error('Connection terminated unexpectedly'))).toBe(
      'the connection to the database was lost',
    );
  });

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['42601', 'syntax error at or near "selec"'],
    ['SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: jobs.idempotency_key'],
  ])('%s (%s) is about the query, not an outage: it passes unchanged', (code, message) => {
    const error = driverError(code, message);
    expect(outageReason(error)).toBeUndefined();
    expect(asDatabaseOutage(error)).toBe(error);
  });

  it('When a connection cannot be opened for any reason, then that is an outage', () => {
    expect(outageReason(new Error('something new'), true)).toBe('the database cannot be reached');
  });
});
