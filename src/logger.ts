import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config, LogLevel } from './config';

export type { Logger } from 'pino';

/** Keys whose values are secrets wherever they appear in a log line, compared without case. */
const SECRET_KEYS = new Set(
  [
    'authorization',
    'cookie',
    'set-cookie',
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
  ].map((key) => key.toLowerCase()),
);
/** How deep a logged object is searched for secret keys (a request's headers sit at depth 3). */
const MAX_REDACT_DEPTH = 8;

const CENSOR = '[redacted]';

/** Secret values known from the config, scrubbed from every log line even inside messages. */
export function configSecrets(config: Config): string[] {
  const { accessToken, clientSecret } = config.hubspot;
  const key = config.tokenEncryptionKey;
  const password = config.databaseUrl ? new URL(config.databaseUrl).password : '';
  const values = [accessToken, clientSecret, key?.toString('hex'), key?.toString('base64'), password];
  return values.filter((value): value is string => value !== undefined && value.length >= 6);
}

const isPlainContainer = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || proto === Object.prototype || proto === null;
};

/**
 * `value` with every secret key's value replaced by the censor, copying only the objects that change. One walk
 * over the line's own keys: pino's path-based `redact` with wildcards cost 15% of a card request
 * (bench/card-api-bench.ts), this costs well under 1%.
 */
export function redactSecretKeys<T>(value: T, depth = 0): T {
  if (depth >= MAX_REDACT_DEPTH || !isPlainContainer(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const inner = value[key];
    const replaced = SECRET_KEYS.has(key.toLowerCase()) ? CENSOR : redactSecretKeys(inner, depth + 1);
    if (replaced === inner) continue;
    copy ??= (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<string, unknown>;
    copy[key] = replaced;
  }
  return (copy ?? value) as T;
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

/** How long a log line may wait in the stdout buffer before it is written. */
const LOG_FLUSH_MS = 1000;

/**
 * stdout, written in blocks of up to 4 KB instead of one write per line (a synchronous write per request line
 * cost ~9% of a card request, bench/card-api-bench.ts). A line waits at most LOG_FLUSH_MS; pino writes what is
 * left when the process exits.
 */
function bufferedStdout(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stream.flush(), LOG_FLUSH_MS).unref();
  return stream;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Literal values to scrub from every line (see `configSecrets`). */
  secrets?: string[];
  /** Where JSON lines go; stdout by default. */
  destination?: DestinationStream;
}

/** JSON logs (pino) with secrets redacted by key and by value. */
export function createLogger({ level, secrets = [], destination = bufferedStdout() }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service: 'lead-pact' },
    // pino passes a child's bindings to no formatter: the service creates no child loggers.
    formatters: { log: redactSecretKeys, bindings: redactSecretKeys },
  };
  return pino(options, scrubbing(destination, secrets));
}
