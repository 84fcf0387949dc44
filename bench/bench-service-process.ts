import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'lead-pact.js');
/** Linux reports process CPU time in clock ticks of 10 ms (USER_HZ 100). */
const TICK_S = 0.01;

/** A `lead-pact serve` child process and where it listens. */
export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** CPU seconds used so far by the service, all its threads (user + system); undefined off Linux. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_S;
  } catch {
    return undefined;
  }
}

/**
 * `lead-pact serve --role <role>` (default web) as production runs it, in its own process with `env` (its log to
 * `logFile`): HubSpot's calls come from elsewhere, not from the server's own loop. `nodeArgs` go to node (e.g.
 * --cpu-prof). `npm start` is `--role all`: the web app and the job worker in one process.
 */
export async function startServiceProcess(
  env: NodeJS.ProcessEnv,
  logFile: string,
  nodeArgs: string[] = [],
  role: 'web' | 'worker' | 'all' = 'web',
): Promise<ServiceProcess> {
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--role', role], {
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(fs.readFileSync(logFile, 'utf8'))?.[1];
    if (url) return { child, url, cpuSeconds: () => processCpuSeconds(child.pid!), stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`lead-pact serve did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
