import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Runs the built CLI (`npm test` builds first), exactly as `npm start` and the Procfile do.
jest.setTimeout(90_000);

const BIN = path.resolve(__dirname, '../../bin/lead-pact.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function serve(env: Record<string, string>, args: string[] = []): Run {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function urlOf(run: Run): Promise<string> {
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(run.output());
    if (match?.[1]) return match[1];
    const done = await Promise.race([
      run.exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 50)),
    ]);
    if (done) throw new Error(`serve exited early:\n${run.output()}`);
  }
}

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-serve-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test('When started with no HubSpot settings, then it prints its URL and how to connect, answers, and exits 0 on SIGTERM', async () => {
  const run = serve({ PORT: '0', DATA_DIR: dataDir });
  const url = await urlOf(run);
  expect(run.output()).toContain('HubSpot is not connected yet.');
  expect(run.output()).toContain('HUBSPOT_ACCESS_TOKEN and HUBSPOT_PORTAL_ID');
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
    const done = await Promise.race([
      run.exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 50)),
    ]);
    if (done) throw new Error(`worker exited early:\n${run.output()}`);
  }
  // Still alive after the event loop had every chance to empty.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(run.child.exitCode).toBeNull();
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
});
