import path from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/app-error';

/** Log levels accepted in LOG_LEVEL (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How the service talks to HubSpot, decided by which variables are set. */
export const HUBSPOT_MODES = ['oauth', 'static-token', 'not-configured'] as const;
export type HubspotMode = (typeof HUBSPOT_MODES)[number];

/** The service's settings, read once from the environment at start-up. */
export interface Config {
  port: number;
  /** PostgreSQL URL; undefined means the embedded SQLite file in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The public https origin HubSpot calls (no trailing slash). */
  publicBaseUrl: string | undefined;
  /** 32 bytes for AES-256-GCM; required when OAuth is configured. */
  tokenEncryptionKey: Buffer | undefined;
  logLevel: LogLevel;
  hubspot: {
    clientId: string | undefined;
    clientSecret: string | undefined;
    accessToken: string | undefined;
    portalId: number | undefined;
    apiBaseUrl: string;
    requestsPer10s: number;
  };
  /** How often each portal's safety net searches HubSpot for contacts modified since its last run. */
  safetyNetIntervalMs: number;
}

const KEY_HINT =
  'expected 32 random bytes as 64 hex characters or base64 (generate one with: openssl rand -hex 32)';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const unsetIfEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());
const text = z.string().trim();

const integer = (min: number, max: number) => {
  const message = `expected an integer between ${min} and ${max}`;
  return text
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
};

const url = (protocols: (u: URL) => boolean, message: string) =>
  text
    .refine((v) => URL.canParse(v) && protocols(new URL(v)), message)
    .transform((v) => v.replace(/\/+$/, ''));

const encryptionKey = text.transform((value, ctx) => {
  const hex = /^[0-9a-f]{64}$/i.test(value);
  const base64 = /^[A-Za-z0-9+/_-]{43}=?$/.test(value);
  const key = hex ? Buffer.from(value, 'hex') : base64 ? Buffer.from(value, 'base64') : undefined;
  if (key?.length === 32) return key;
  ctx.addIssue({ code: 'custom', message: KEY_HINT });
  return z.NEVER;
});

/** Every environment variable the service reads, with its format. */
export const envSchema = z.object({
  PORT: optional(integer(0, 65535)),
  DATABASE_URL: optional(
    url(
      (u) => u.protocol === 'postgres:' || u.protocol === 'postgresql:',
      'expected a PostgreSQL URL (postgres://user:password@host:5432/db); leave it unset to use SQLite in DATA_DIR',
    ),
  ),
  DATA_DIR: optional(text),
  HUBSPOT_CLIENT_ID: optional(text),
  HUBSPOT_CLIENT_SECRET: optional(text),
  HUBSPOT_ACCESS_TOKEN: optional(text),
  HUBSPOT_PORTAL_ID: optional(integer(1, Number.MAX_SAFE_INTEGER)),
  HUBSPOT_API_BASE_URL: optional(
    url((u) => u.protocol === 'https:' || u.protocol === 'http:', 'expected an http(s) URL'),
  ),
  PUBLIC_BASE_URL: optional(
    url(
      (u) => u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname)),
      'expected an https URL such as https://lead-pact.example.com (plain http only for localhost)',
    ),
  ),
  TOKEN_ENCRYPTION_KEY: optional(encryptionKey),
  HUBSPOT_REQUESTS_PER_10S: optional(integer(1, 10000)),
  SAFETY_NET_INTERVAL_MINUTES: optional(integer(1, 1440)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` })),
});
type Env = z.infer<typeof envSchema>;

/** The names of every variable in `envSchema`. */
export const ENV_VARS = Object.keys(envSchema.shape) as (keyof Env)[];
/** Set by the platform (PORT) or its PostgreSQL add-on (DATABASE_URL): app.json does not ask for them. */
export const PLATFORM_VARS: (keyof Env)[] = ['PORT', 'DATABASE_URL'];
/** What a deployment cannot work without (app.json marks them required): HubSpot's calls, signatures, tokens. */
export const DEPLOY_REQUIRED_VARS: (keyof Env)[] = [
  'PUBLIC_BASE_URL',
  'HUBSPOT_CLIENT_SECRET',
  'TOKEN_ENCRYPTION_KEY',
];

function crossChecks(env: Env): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const need = (name: keyof Env, why: string) =>
    env[name] === undefined && problems.push({ path: name, message: why });
  if (env.HUBSPOT_ACCESS_TOKEN !== undefined) need('HUBSPOT_PORTAL_ID', 'required with HUBSPOT_ACCESS_TOKEN');
  if (env.HUBSPOT_PORTAL_ID !== undefined) need('HUBSPOT_ACCESS_TOKEN', 'required with HUBSPOT_PORTAL_ID');
  if (env.HUBSPOT_CLIENT_ID === undefined) return problems;
  const oauth = 'required when HUBSPOT_CLIENT_ID is set (OAuth)';
  need('HUBSPOT_CLIENT_SECRET', oauth);
  need('PUBLIC_BASE_URL', `${oauth}: HubSpot redirects installs to it`);
  need('TOKEN_ENCRYPTION_KEY', `${oauth}: portal tokens are stored encrypted; ${KEY_HINT}`);
  if (env.HUBSPOT_ACCESS_TOKEN !== undefined) {
    problems.push({
      path: 'HUBSPOT_ACCESS_TOKEN',
      message:
        'set either HUBSPOT_ACCESS_TOKEN + HUBSPOT_PORTAL_ID (one portal) or HUBSPOT_CLIENT_ID (OAuth), not both',
    });
  }
  return problems;
}

/** Parses the environment once; throws an AppError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const details = parsed.success
    ? crossChecks(parsed.data)
    : parsed.error.issues.map((issue) => ({ path: String(issue.path[0] ?? ''), message: issue.message }));
  if (!parsed.success || details.length > 0) {
    const lines = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    throw new AppError('invalid_input', `Invalid configuration: ${lines}`, details);
  }
  const e = parsed.data;
  return {
    port: e.PORT ?? 3000,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR ?? 'data'),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    tokenEncryptionKey: e.TOKEN_ENCRYPTION_KEY,
    logLevel: e.LOG_LEVEL ?? 'info',
    hubspot: {
      clientId: e.HUBSPOT_CLIENT_ID,
      clientSecret: e.HUBSPOT_CLIENT_SECRET,
      accessToken: e.HUBSPOT_ACCESS_TOKEN,
      portalId: e.HUBSPOT_PORTAL_ID,
      apiBaseUrl: e.HUBSPOT_API_BASE_URL ?? 'https://api.hubapi.com',
      requestsPer10s: e.HUBSPOT_REQUESTS_PER_10S ?? 100,
    },
    safetyNetIntervalMs: (e.SAFETY_NET_INTERVAL_MINUTES ?? 15) * 60_000,
  };
}

/** Which way HubSpot is connected: OAuth app, one portal's static token, or not at all. */
export function hubspotMode(config: Pick<Config, 'hubspot'>): HubspotMode {
  if (config.hubspot.clientId !== undefined) return 'oauth';
  if (config.hubspot.accessToken !== undefined) return 'static-token';
  return 'not-configured';
}
