import path from 'node:path';
import { hubspotMode, loadConfig } from '../../src/config';
import { isAppError } from '../../src/domain/app-error';

const HEX_KEY = 'ab'.repeat(32);
const oauthEnv = {
  HUBSPOT_CLIENT_ID: 'client-id',
  HUBSPOT_CLIENT_SECRET: 'client-secret',
  PUBLIC_BASE_URL: 'https://lead-pact.example.com/',
  TOKEN_ENCRYPTION_KEY: HEX_KEY,
};

function configError(env: NodeJS.ProcessEnv) {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAppError(error, 'invalid_input')) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  test('When nothing is set, then it runs on SQLite in ./data on port 3000 with HubSpot not configured', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.hubspot.apiBaseUrl).toBe('https://api.hubapi.com');
    expect(config.hubspot.requestsPer10s).toBe(100);
    expect(config.logLevel).toBe('info');
    expect(hubspotMode(config)).toBe('not-configured');
  });

  test('When PORT is not a port number, then the error names PORT', () => {
    for (const port of ['http', '70000', '-1', '3.5']) {
      const error = configError({ PORT: port });
      expect(error.message).toContain('PORT: expected an integer between 0 and 65535');
      expect(error.details).toEqual([{ path: 'PORT', message: 'expected an integer between 0 and 65535' }]);
    }
  });

  test('When SAFETY_NET_INTERVAL_MINUTES is unset, then the safety net runs every 15 minutes; set, as given', () => {
    expect(loadConfig({}).safetyNetIntervalMs).toBe(15 * 60_000);
    expect(loadConfig({ SAFETY_NET_INTERVAL_MINUTES: '60' }).safetyNetIntervalMs).toBe(60 * 60_000);
    expect(configError({ SAFETY_NET_INTERVAL_MINUTES: '0' }).details).toEqual([
      { path: 'SAFETY_NET_INTERVAL_MINUTES', message: 'expected an integer between 1 and 1440' },
    ]);
  });

  test('When several variables are wrong, then every one is named', () => {
    const error = configError({ PORT: 'x', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db' });
    expect(error.details.map((d) => d.path).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
  });

  test('When a variable is set to an empty string, then it counts as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }).port).toBe(3000);
  });

  test('When HUBSPOT_ACCESS_TOKEN is set without HUBSPOT_PORTAL_ID, then the portal id is asked for', () => {
    expect(configError({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-x' }).details).toEqual([
      { path: 'HUBSPOT_PORTAL_ID', message: 'required with HUBSPOT_ACCESS_TOKEN' },
    ]);
    expect(configError({ HUBSPOT_PORTAL_ID: '123' }).details[0]?.path).toBe('HUBSPOT_ACCESS_TOKEN');
  });

  test('When a token and portal id are set, then the mode is static-token', () => {
    const config = loadConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-x', HUBSPOT_PORTAL_ID: '4242' });
    expect(config.hubspot.portalId).toBe(4242);
    expect(hubspotMode(config)).toBe('static-token');
  });

  test('When OAuth is configured completely, then the key is 32 bytes and the base URL loses its slash', () => {
    const config = loadConfig(oauthEnv);
    expect(hubspotMode(config)).toBe('oauth');
    expect(config.tokenEncryptionKey).toEqual(Buffer.from(HEX_KEY, 'hex'));
    expect(config.publicBaseUrl).toBe('https://lead-pact.example.com');
  });

  test('When OAuth is configured without TOKEN_ENCRYPTION_KEY, then the error says what to set', () => {
    const error = configError({ ...oauthEnv, TOKEN_ENCRYPTION_KEY: undefined });
    expect(error.details.map((d) => d.path)).toEqual(['TOKEN_ENCRYPTION_KEY']);
    expect(error.message).toMatch(
      /TOKEN_ENCRYPTION_KEY: required when HUBSPOT_CLIENT_ID is set.*openssl rand -hex 32/,
    );
  });

  test('When TOKEN_ENCRYPTION_KEY is base64 of 32 bytes, then it is accepted; other lengths are not', () => {
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...oauthEnv, TOKEN_ENCRYPTION_KEY: base64 }).tokenEncryptionKey).toEqual(
      Buffer.alloc(32, 7),
    );
    const short = configError({ ...oauthEnv, TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') });
    expect(short.details[0]?.path).toBe('TOKEN_ENCRYPTION_KEY');
  });

  test('When OAuth and a static token are both set, then it refuses to guess', () => {
    const error = configError({ ...oauthEnv, HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_PORTAL_ID: '1' });
    expect(error.details[0]?.message).toMatch(/not both/);
  });

  test('When PUBLIC_BASE_URL is plain http on a public host, then it is refused; localhost is fine', () => {
    expect(configError({ PUBLIC_BASE_URL: 'http://example.com' }).details[0]?.path).toBe('PUBLIC_BASE_URL');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:8080' }).publicBaseUrl).toBe(
      'http://127.0.0.1:8080',
    );
  });

  test('When DATABASE_URL is a PostgreSQL URL, then it is kept as is', () => {
    const databaseUrl = 'postgres://postgres@127.0.0.1:5432/test';
    expect(loadConfig({ DATABASE_URL: databaseUrl }).databaseUrl).toBe(databaseUrl);
  });
});
