import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../src/store/create-store';

// Runs the built CLI (`npm test` builds first), exactly as `npm start` and the Procfile do.
jest.setTimeout(90_000);

const BIN = path.resolve(__dirname, '../../bin/lead-pact.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function serve(env: Record<string, string>, args: string[] = []): Run {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  running.push(child);
  return { child, output: () => text, exited };
}

async function urlOf(run: Run): Promise<string> {
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(run.output());
    if (match?.[1]) return match[1];
    const done = await Promise.race([run.exited.then(() => true), pause(50).then(() => false)]);
    if (done) throw new Error(`serve exited early:\n${run.output()}`);
  }
}

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-serve-'));
});
afterEach(() => {
  // A failed assertion must not leave a server behind (it would keep Jest waiting).
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('When started with no HubSpot settings, then it prints its URL and how to connect, answers, and exits 0 on SIGTERM', async () => {
  const run = serve({ PORT: '0', DATA_DIR: dataDir });
  const url = await urlOf(run);
  expect(run.output()).toContain('HubSpot is not connected yet.');
  for (const name of [
    'HUBSPOT_ACCESS_TOKEN',
    'HUBSPOT_PORTAL_ID',
    'HUBSPOT_CLIENT_ID',
    'TOKEN_ENCRYPTION_KEY',
  ]) {
    expect(run.output()).toContain(name);
  }
  expect(run.output()).toContain('hs project upload');
  const res = await fetch(`${url}/healthz`);
  expect(res.status).toBe(200);
  expect(fs.existsSync(path.join(dataDir, 'lead-pact.sqlite'))).toBe(true);
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
});

test('When a static token is configured, then no connect paragraph is printed', async () => {
  const run = serve({
    PORT: '0',
    DATA_DIR: dataDir,
    HUBSPOT_ACCESS_TOKEN: 'pat-na1-x',
    HUBSPOT_PORTAL_ID: '42',
  });
  await urlOf(run);
  expect(run.output()).not.toContain('HubSpot is not connected yet.');
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
});

test('When PORT is not a number, then it stops at start-up with exit 2 and a message naming PORT', async () => {
  const run = serve({ PORT: 'eighty', DATA_DIR: dataDir });
  expect(await run.exited).toBe(2);
  expect(run.output()).toContain('PORT: expected an integer between 0 and 65535');
  expect(run.output()).not.toMatch(/\n\s+at /);
});

test('When the role is not one of web, worker, all, then it refuses with exit 2', async () => {
  const run = serve({ PORT: '0', DATA_DIR: dataDir }, ['--role', 'cook']);
  expect(await run.exited).toBe(2);
  expect(run.output()).toContain('web, worker, all');
});

test('When run as a worker only, then it keeps running until SIGTERM and exits 0', async () => {
  const run = serve({ PORT: '0', DATA_DIR: dataDir }, ['--role', 'worker']);
  for (;;) {
    if (run.output().includes('Lead Pact (worker) is running.')) break;
    const done = await Promise.race([run.exited.then(() => true), pause(50).then(() => false)]);
    if (done) throw new Error(`worker exited early:\n${run.output()}`);
  }
  // Still alive after the event loop had every chance to empty.
  await pause(500);
  expect(run.child.exitCode).toBeNull();
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
});

test('When a worker runs, then it leases queued jobs from the store and dead-letters one with a bad payload', async () => {
  const store = await createStore({ dataDir });
  const { job } = await store.jobs.enqueue({ type: 'rescore', payload: { portalId: '42' } }, Date.now());
  const run = serve({ PORT: '0', DATA_DIR: dataDir }, ['--role', 'worker']);
  let seen = await store.jobs.get(job.id);
  for (let polls = 0; seen?.status !== 'dead'; polls++) {
    const exited = await Promise.race([run.exited.then(() => true), pause(100).then(() => false)]);
    if (exited || polls > 600) throw new Error(`job ${seen?.status}; the worker said:\n${run.output()}`);
    seen = await store.jobs.get(job.id);
  }
  expect(seen.lastError).toContain('invalid payload');
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  expect(run.output()).toContain('job failed for good');
  await store.close();
});
