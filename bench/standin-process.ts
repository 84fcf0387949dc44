import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const STANDIN = path.join(__dirname, '..', 'src', 'standin', 'main.js');

/** The HubSpot stand-in as a process of its own, so serving the service's calls costs the bench's loop nothing. */
export interface StandinProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts `dist/src/standin/main.js` with `args` and resolves once it listens. */
export async function startStandinProcess(args: string[]): Promise<StandinProcess> {
  const child = spawn(process.execPath, [STANDIN, '--port', '0', ...args], {
    env: { PATH: process.env.PATH },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0] ?? '';
      if (output.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the HubSpot stand-in exited (${code}): ${output}`)));
  });
  child.stdout.resume();
  return { url, stop };
}
