import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Repository root, so tests can name `examples/...` files. */
export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'lead-pact.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the BUILT `lead-pact` command (`npm test` builds first; alone: `npm run build && npx jest test/cli`). */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    throw new Error('dist/src/cli/main.js is missing: run `npm run build` first');
  }
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs the built CLI without blocking this process (for tests whose in-process stand-in must answer it); only PATH
 * and `env` reach it.
 */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js')))
    throw new Error('dist/src/cli/main.js is missing: run `npm run build` first');
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<CliRun>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}
