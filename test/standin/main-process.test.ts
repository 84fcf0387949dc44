import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// `npm test` builds first; the stand-in runs as its own process exactly as benchmarks start it.
const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'standin', 'main.js');

async function startProcess(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { child, url: JSON.parse(line.toString()).url };
}

describe('node dist/src/standin/main.js', () => {
  it('is built (run `npm run build` first)', () => {
    expect(existsSync(MAIN)).toBe(true);
  });

  it('When started with --port 0 --limit 2, then it serves generated contacts, limits and stops on SIGTERM', async () => {
    const { child, url } = await startProcess(['--port', '0', '--contacts', '12', '--limit', '2']);
    try {
      const get = () =>
        fetch(`${url}/crm/v3/objects/contacts?limit=5`, { headers: { authorization: 'Bearer t' } });
      const first = await get();
      expect(first.status).toBe(200);
      expect(((await first.json()) as { results: unknown[] }).results).toHaveLength(5);
      expect((await get()).status).toBe(200);
      const limited = await get();
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      });
      const stats = (await (await fetch(`${url}/__standin/stats`)).json()) as Record<string, unknown>;
      expect(stats).toMatchObject({ requests: 3, contacts: 12 });
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('When an option is invalid, then it exits non-zero with a message naming it', async () => {
    const child = spawn(process.execPath, [MAIN, '--fail-rate', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).not.toBe(0);
    expect(stderr).toContain('--fail-rate');
  });

  it('When --webhook-url is given without HUBSPOT_CLIENT_SECRET in the environment, then it refuses to start', async () => {
    const env = { ...process.env };
    delete env.HUBSPOT_CLIENT_SECRET;
    const child = spawn(
      process.execPath,
      [MAIN, '--port', '0', '--webhook-url', 'http://127.0.0.1:1/webhooks/hubspot'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env,
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('HUBSPOT_CLIENT_SECRET');
  });
});
