import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const REGISTER = path.join(__dirname, 'register-ts.js');

/** Starts `test/<script>.ts` in its own Node process (TypeScript through Babel). */
export function startChild(script: string, args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['-r', REGISTER, path.join(__dirname, '..', script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

/** Resolves with the exit code. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves when the child prints `line` on stdout. */
export function printed(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before printing "${line}"`)));
  });
}
