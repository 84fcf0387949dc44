import { spawn } from 'node:child_process';
import { join } from 'node:path';

// The built logger (`npm test` builds first), in its own process, writing to a real stdout pipe.
const LOGGER = join(__dirname, '..', '..', 'dist', 'src', 'logger.js');

function startLogging(script: string) {
  const code = `const { createLogger } = require(${JSON.stringify(LOGGER)});
const logger = createLogger({ level: 'info' });
${script}`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
}

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { msg: string });

describe('the service log on stdout', () => {
  test('When one line is logged on a quiet service, then it appears within about a second, not when the buffer fills', async () => {
    const run = startLogging(`logger.warn('quiet line'); setTimeout(() => {}, 10_000);`);
    try {
      const deadline = Date.now() + 5000;
      while (!run.output().includes('quiet line') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(run.child.exitCode).toBeNull();
      expect(lines(run.output()).map((l) => l.msg)).toEqual(['quiet line']);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  test('When the process exits right after logging, then every line is still written, in order', async () => {
    const run = startLogging(
      `for (let i = 0; i < 500; i++) logger.info({ i }, 'line ' + i); process.exit(0);`,
    );
    expect(await run.exited).toBe(0);
    const written = lines(run.output()).map((l) => l.msg);
    expect(written).toHaveLength(500);
    expect(written[0]).toBe('line 0');
    expect(written[499]).toBe('line 499');
  });
});
