import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config, LogLevel } from './config';

export type { Logger } from 'pino';

/** Keys whose values are secrets wherever they appear (up to three levels deep). */
const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  '["set-cookie"]',
  'access_token',
  'refresh_token',
  'accessToken',
  'refreshToken',
  'client_secret',
  'clientSecret',
  'tokenEncryptionKey',
  'password',
  'TOKEN_ENCRYPTION_KEY',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_CLIENT_SECRET',
  'DATABASE_URL',
  'databaseUrl',
];

const join = (prefix: string, key: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [
  key.startsWith('[') ? `*${key}` : key,
  join('*', key),
  join('*.*', key),
  join('*.*.*', key),
]);

const CENSOR = '[redacted]';

/** Secret values known from the config, scrubbed from every log line even inside messages. */
export function configSecrets(config: Config): string[] {
  const { accessToken, clientSecret } = config.hubspot;
  const key = config.tokenEncryptionKey;
  const password = config.databaseUrl ? new URL(config.databaseUrl).password : '';
  const values = [accessToken, clientSecret, key?.toString('hex'), key?.toString('base64'), password];
  return values.filter((value): value is string => value !== undefined && value.length >= 6);
}

function scrubbing(destination: DestinationStream, secrets: string[]): DestinationStream {
  if (secrets.length === 0) return destination;
  return {
    write(line: string) {
      let clean = line;
      for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(CENSOR);
      destination.write(clean);
    },
  };
}

export interface LoggerOptions {
  level: LogLevel;
  /** Literal values to scrub from every line (see `configSecrets`). */
  secrets?: string[];
  /** Where JSON lines go; stdout by default. */
  destination?: DestinationStream;
}

/** JSON logs (pino) with secrets redacted by key and by value. */
export function createLogger({
  level,
  secrets = [],
  destination = pino.destination(1),
}: LoggerOptions): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: CENSOR }, base: { service: 'lead-pact' } };
  return pino(options, scrubbing(destination, secrets));
}
