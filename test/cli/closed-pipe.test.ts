import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '../../src/store/create-store';
import { ROOT } from './run-cli';

jest.setTimeout(60_000);

const BIN = path.join(ROOT, 'bin', 'lead-pact.js');

let dataDir: string;
beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lead-pact-pipe-'))));
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('When the reader of its output goes away (`| head -1`), then `agreement apply` still applies the agreement and ends quietly, exit 0', async () => {
  const args = ['agreement', 'apply', '--portal', '62515', '--file', 'examples/agreement.json'];
  const people = ['--proposed-by', 'mika@maker.example', '--approved-by', 'ken@maker.example'];
  const child = spawn(process.execPath, [BIN, ...args, ...people], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader is gone before the first line is printed: every write meets a closed pipe (EPIPE).
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];

  expect(stderr).toBe('');
  expect(code).toBe(0);
  const store = await createStore({ dataDir });
  try {
    expect((await store.agreements.active('62515'))?.version).toBe(1);
  } finally {
    await store.close();
  }
});
