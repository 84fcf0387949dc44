import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signHubSpotRequest } from '../../src/standin/sign-hubspot-request';
import type { LoggedRequest, RecordedBatchUpdate, StandinSeed } from '../../src/standin/standin-state';
import { createStore, type Store } from '../../src/store/create-store';

// Both processes run from the build (`npm test` builds first), exactly as `npm start` and the benches start them.
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lead-pact.js');
const STANDIN = join(ROOT, 'dist', 'src', 'standin', 'main.js');

export const SECRET = 'e2e-client-secret';
export const CLIENT_ID = 'e2e-client-id';
export const PUBLIC_URL = 'https://leadpact.example.com';
export const WEBHOOK_URL = `${PUBLIC_URL}/webhooks/hubspot`;
export const PORTAL = 62515;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child process with everything it printed, for failure messages. */
interface Child {
  child: ChildProcess;
  output: () => string;
}

function launch(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  return { child, output: () => text };
}

async function stopChild({ child }: Child): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(late);
}

/** Polls `read` until it returns a value; fails with `what` and `context()` after `timeoutMs`. */
export async function waitFor<T>(
  read: () => Promise<T | undefined>,
  what: string,
  context: () => Promise<string> | string = () => '',
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${await context()}`);
    await pause(100);
  }
}

/** The stand-in and the service as two processes over a temporary SQLite data directory. */
export interface E2eWorld {
  standinUrl: string;
  serviceUrl: string;
  /** A second handle on the service's database, to wait for it to be idle. */
  store: Store;
  /** GET an admin route of the stand-in. */
  standin<T>(path: string): Promise<T>;
  /** PUT/POST JSON to an admin route of the stand-in. */
  admin(method: 'PUT' | 'POST', path: string, body: unknown): Promise<Response>;
  requests(): Promise<LoggedRequest[]>;
  /** Proposes and approves the world's agreement (or `next`, from now on) with the CLI, as marketing and sales would. */
  applyAgreement(next?: unknown): void;
  updates(): Promise<RecordedBatchUpdate[]>;
  /** Posts a raw delivery to the service's webhook route. */
  deliver(body: string, headers: Record<string, string>): Promise<Response>;
  /** Waits until no job runs or is due within a minute, the inbox is processed and the outbox is empty. */
  idle(timeoutMs?: number): Promise<void>;
  diagnostics(): Promise<string>;
  /**
   * Kills the service with SIGKILL (no shutdown, no flush: a crash) and starts it again on the same data; `serviceUrl`
   * is the new one afterwards.
   */
  crashAndRestartService(): Promise<void>;
  stop(): Promise<void>;
}

/** HubSpot's v3 signature headers for a delivery of `body` at `timestamp`. */
export function signed(body: string, timestamp = Date.now()): Record<string, string> {
  return signHubSpotRequest({ clientSecret: SECRET, method: 'POST', url: WEBHOOK_URL, body, timestamp });
}

function applyAgreement(env: NodeJS.ProcessEnv, file: string): void {
  const people = ['--proposed-by', 'mika@maker.example', '--approved-by', 'ken@maker.example'];
  const args = [BIN, 'agreement', 'apply', '--portal', String(PORTAL), '--file', file, ...people];
  const run = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`agreement apply failed:\n${run.stdout}\n${run.stderr}`);
}

async function standinUrlOf(standin: Child): Promise<string> {
  return waitFor(
    async () => {
      if (standin.child.exitCode !== null) throw new Error(`stand-in exited:\n${standin.output()}`);
      const line = standin.output().split('\n')[0] ?? '';
      return line.startsWith('{') && line.endsWith('}')
        ? (JSON.parse(line) as { url: string }).url
        : undefined;
    },
    'the stand-in to listen',
    standin.output,
  );
}

async function serviceUrlOf(service: Child): Promise<string> {
  const url = await waitFor(
    async () => {
      if (service.child.exitCode !== null) throw new Error(`service exited:\n${service.output()}`);
      return /listening on (http:\/\/\S+)/.exec(service.output())?.[1];
    },
    'the service to listen',
    service.output,
  );
  await waitFor(
    async () => ((await fetch(`${url}/readyz`)).status === 200 ? true : undefined),
    'the service to be ready',
    service.output,
  );
  return url;
}

/** A port nothing listens on now, for the service, so the stand-in can be told where to send webhooks first. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the stand-in (`seed` as its CRM, `standinArgs` added), applies `agreement` for PORTAL with the CLI,
 * then starts `lead-pact serve` in static-token mode against the stand-in, and waits until both answer.
 */
export async function startWorld(options: {
  seed: StandinSeed;
  agreement: unknown;
  standinArgs?: string[];
  /** Added to the stand-in's environment (HUBSPOT_CLIENT_SECRET for `--webhook-url`). */
  standinEnv?: Record<string, string>;
  env?: Record<string, string>;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Worker processes (`serve --role worker`) besides the one serving HTTP. */
  extraWorkers?: number;
  /** `after-start`: the service starts with no agreement (install first, agree later); the test applies it. */
  agreementWhen?: 'before-start' | 'after-start';
  /** `oauth`: the service is an OAuth app (portals install it through the stand-in's consent screen). */
  auth?: 'static-token' | 'oauth';
  /**
   * The stand-in sends HubSpot's signed webhooks (contact, company and lead changes its admin routes make) to the
   * service, which listens on a port picked now and kept across a restart.
   */
  webhooks?: boolean;
}): Promise<E2eWorld> {
  if (options.webhooks) {
    const port = await freePort();
    const target = [
      '--webhook-url',
      `http://127.0.0.1:${port}/webhooks/hubspot`,
      '--webhook-signed-url',
      WEBHOOK_URL,
    ];
    options = {
      ...options,
      standinArgs: [...(options.standinArgs ?? []), ...target],
      standinEnv: { ...options.standinEnv, HUBSPOT_CLIENT_SECRET: SECRET },
      env: { ...options.env, PORT: String(port) },
    };
  }
  if (!existsSync(STANDIN)) throw new Error('dist/ is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'lead-pact-e2e-'));
  const dataDir = join(dir, 'data');
  writeFileSync(join(dir, 'seed.json'), JSON.stringify(options.seed));
  writeFileSync(join(dir, 'agreement.json'), JSON.stringify(options.agreement));
  const base = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const oauth =
    options.auth === 'oauth' ? { HUBSPOT_CLIENT_ID: CLIENT_ID, HUBSPOT_CLIENT_SECRET: SECRET } : {};
  const standinProcess = launch(
    [STANDIN, '--port', '0', '--seed-file', join(dir, 'seed.json'), ...(options.standinArgs ?? [])],
    { ...base, ...oauth, ...options.standinEnv },
  );
  const children = [standinProcess];
  try {
    const standinUrl = await standinUrlOf(standinProcess);
    const apply = (next?: unknown) => {
      if (next !== undefined) writeFileSync(join(dir, 'agreement.json'), JSON.stringify(next));
      applyAgreement(base, join(dir, 'agreement.json'));
    };
    if (options.agreementWhen !== 'after-start') apply();
    const serviceEnv = {
      ...base,
      PORT: '0',
      HUBSPOT_CLIENT_SECRET: SECRET,
      PUBLIC_BASE_URL: PUBLIC_URL,
      ...(options.auth === 'oauth'
        ? { ...oauth, TOKEN_ENCRYPTION_KEY: 'cd'.repeat(32) }
        : { HUBSPOT_ACCESS_TOKEN: 'pat-e2e-token', HUBSPOT_PORTAL_ID: String(PORTAL) }),
      HUBSPOT_API_BASE_URL: standinUrl,
      ...options.env,
    };
    const serviceProcess = launch([BIN, 'serve'], serviceEnv);
    children.push(serviceProcess);
    for (let i = 0; i < (options.extraWorkers ?? 0); i++)
      children.push(launch([BIN, 'serve', '--role', 'worker'], serviceEnv));
    const serviceUrl = await serviceUrlOf(serviceProcess);
    const store = await createStore({ dataDir, databaseUrl: options.databaseUrl });
    const relaunch = async () => {
      const again = launch([BIN, 'serve'], serviceEnv);
      children[1] = again;
      return serviceUrlOf(again);
    };
    return world({ standinUrl, serviceUrl, store, children, dir, apply, relaunch });
  } catch (error) {
    await Promise.all(children.map(stopChild));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function world(parts: {
  standinUrl: string;
  serviceUrl: string;
  store: Store;
  children: Child[];
  dir: string;
  apply: (next?: unknown) => void;
  relaunch: () => Promise<string>;
}): E2eWorld {
  const { standinUrl, serviceUrl, store, children, dir, apply, relaunch } = parts;
  const standin = async <T>(path: string) => (await (await fetch(`${standinUrl}${path}`)).json()) as T;
  const jobsDue = async () => {
    const jobs = await store.jobs.list({ limit: 1000 });
    // Periodic jobs (SLA sweep, safety net) always wait minutes ahead; syncs and retries are due within seconds.
    const soon = Date.now() + 60_000;
    return jobs.filter((j) => j.status === 'running' || (j.status === 'queued' && j.runAt <= soon));
  };
  const diagnostics = async () => {
    const jobs = await store.jobs.list({ limit: 50 });
    const lines = jobs.map(
      (j) => `${j.id} ${j.type} ${j.status} attempts=${j.attempts} ${j.lastError ?? ''}`,
    );
    const outbox = await store.outbox.counts(String(PORTAL));
    const leads = await store.leads.counts(String(PORTAL));
    const logs = children.map((c) => c.output().slice(-4000)).join('\n---\n');
    return `jobs:\n${lines.join('\n')}\noutbox: ${JSON.stringify(outbox)}\nleads: ${JSON.stringify(leads)}\noutput:\n${logs}`;
  };
  const w: E2eWorld = {
    standinUrl,
    serviceUrl,
    store,
    standin,
    admin: (method, path, body) =>
      fetch(`${standinUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    requests: async () => (await standin<{ requests: LoggedRequest[] }>('/__standin/requests')).requests,
    applyAgreement: apply,
    updates: async () =>
      (await standin<{ updates: RecordedBatchUpdate[] }>('/__standin/batch-updates')).updates,
    deliver: (body, headers) => fetch(`${w.serviceUrl}/webhooks/hubspot`, { method: 'POST', body, headers }),
    idle: async (timeoutMs) => {
      await waitFor(
        async () => {
          if ((await jobsDue()).length > 0 || (await store.inbox.pending(String(PORTAL), 1)).length > 0)
            return undefined;
          if ((await store.leads.counts(String(PORTAL))).pending > 0) return undefined;
          return (await store.outbox.counts(String(PORTAL))).pending === 0 ? true : undefined;
        },
        'the service to be idle',
        diagnostics,
        timeoutMs,
      );
    },
    diagnostics,
    async crashAndRestartService() {
      const service = children[1];
      if (service && service.child.exitCode === null && service.child.signalCode === null) {
        const exited = once(service.child, 'exit');
        service.child.kill('SIGKILL');
        await exited;
      }
      w.serviceUrl = await relaunch();
    },
    async stop() {
      await store.close();
      await Promise.all(children.map(stopChild));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return w;
}
