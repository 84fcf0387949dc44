import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lead-pact-validate-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = () => JSON.parse(readFileSync(join(ROOT, 'examples', 'agreement.json'), 'utf8'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('lead-pact validate', () => {
  it('When the agreement is valid, then it prints a one-line summary and exits 0', () => {
    const run = runCli(['validate', '--agreement', 'examples/agreement.json']);
    expect(run).toEqual({
      status: 0,
      stdout:
        "examples/agreement.json: valid — 'FY2027 H1', 3 fit rules, 5 signals, 2 disqualifiers, sales-ready A1 A2 B1\n",
      stderr: '',
    });
  });

  it('When the agreement has problems, then it prints each with its JSON path and exits 2', () => {
    const agreement = example();
    agreement.fit.rules[0].bands[0].min = 'many';
    agreement.fit.grades = { A: 20, B: 45, C: 70 };
    const file = write('bad.json', JSON.stringify(agreement, null, 2));
    const run = runCli(['validate', '--agreement', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => line.startsWith(`${file}: `))).toBe(true);
    expect(run.stderr).toContain(`${file}: fit.rules[0].bands[0].min: `);
    expect(run.stderr).toMatch(/fit\.grades/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('When the file is not JSON, then it names line and column and exits 2', () => {
    const file = write('broken.json', '{\n  "schema": "lead-pact/agreement@1",\n  "name": FY\n}');
    const run = runCli(['validate', '--agreement', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${file}:3:11: invalid JSON: expected a value\n`);
  });

  it('When the file does not exist or the option is missing, then it exits 2 without a stack trace', () => {
    const missing = runCli(['validate', '--agreement', join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`${join(dir, 'nope.json')}: no such file\n`);
    const noOption = runCli(['validate']);
    expect(noOption.status).toBe(2);
    expect(noOption.stderr).toMatch(/--agreement/);
  });
});
