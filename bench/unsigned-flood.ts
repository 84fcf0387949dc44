import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

/** What the flood sent: requests finished, socket errors, answers by HTTP status. */
export interface FloodTotals {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
}

/**
 * Starts `connections` unsigned connections posting 1 MB of nested JSON at `url`, in a process of their own so the
 * flood's client work does not slow the process measuring the signed requests. `stop()` ends it with its totals.
 */
export async function startUnsignedFlood(
  url: string,
  connections: number,
): Promise<{ stop(): Promise<FloodTotals> }> {
  const child = fork(path.join(__dirname, 'unsigned-flood-child.js'), [url, String(connections)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (child.exitCode !== null) throw new Error(`the unsigned flood exited early (${child.exitCode})`);
  return {
    async stop() {
      const report = once(child, 'message');
      child.send('stop');
      const [totals] = (await report) as [Omit<FloodTotals, 'seconds'> & { error?: string }];
      if (totals.error) throw new Error(`the unsigned flood failed: ${totals.error}`);
      child.kill();
      return { ...totals, seconds: (Date.now() - started) / 1000 };
    },
  };
}
