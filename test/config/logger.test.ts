import { loadConfig } from '../../src/config';
import { configSecrets, createLogger } from '../../src/logger';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('createLogger', () => {
  test('When tokens are logged under known keys, then they do not appear in the output', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination });
    logger.info(
      {
        req: { headers: { authorization: `Bearer ${TOKEN}` } },
        tokens: { access_token: TOKEN, refresh_token: 'refresh-secret-value' },
        installation: { credentials: { accessToken: TOKEN, clientSecret: 'shh-secret' } },
      },
      'portal installed',
    );
    const output = lines.join('');
    expect(output).toContain('portal installed');
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('refresh-secret-value');
    expect(output).not.toContain('shh-secret');
    expect(output).toContain('[redacted]');
  });

  test("When secrets sit deep, in arrays, or in odd case, then they are redacted and the caller's object is untouched", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', destination }).child({
      auth: { Client_Secret: 'bound-secret' },
    });
    const logged = {
      a: { b: { c: { d: { AUTHORIZATION: `Bearer ${TOKEN}` } } } },
      installs: [{ portalId: 1, refreshToken: 'refresh-in-array' }],
      'set-cookie': ['session=cookie-secret'],
      auth: { Client_Secret: 'odd-case-secret' },
      harmless: { portalId: 42, tier: 'sales_ready' },
    };
    logger.info(logged, 'deep');
    const output = lines.join('');
    for (const secret of [TOKEN, 'refresh-in-array', 'cookie-secret', 'odd-case-secret']) {
      expect(output).not.toContain(secret);
    }
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.harmless).toEqual({ portalId: 42, tier: 'sales_ready' });
    expect(line.installs).toEqual([{ portalId: 1, refreshToken: '[redacted]' }]);
    expect(logged.installs[0]?.refreshToken).toBe('refresh-in-array');
    expect(logged.a.b.c.d.AUTHORIZATION).toBe(`Bearer ${TOKEN}`);
  });

  test('When a configured secret ends up inside a message or error, then it is scrubbed', () => {
    const config = loadConfig({ HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_PORTAL_ID: '42' });
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', secrets: configSecrets(config), destination });
    logger.error({ err: new Error(`request with ${TOKEN} failed`) }, `calling HubSpot with ${TOKEN}`);
    expect(lines.join('')).not.toContain(TOKEN);
    expect(lines.join('')).toContain('calling HubSpot with [redacted]');
  });

  test('When the database URL has a password, then the password is treated as a secret', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:s3cret-pass@db:5432/leads' });
    expect(configSecrets(config)).toEqual(['s3cret-pass']);
  });

  test('When the level is warn, then info lines are not written', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'warn', destination });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 40, msg: 'loud', service: 'lead-pact' });
  });
});
