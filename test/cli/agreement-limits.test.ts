import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agreementWithRules } from '../domain/agreement-arbitraries';
import { runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
let huge: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-limits-'));
  huge = join(dir, 'huge.json');
  writeFileSync(huge, JSON.stringify(agreementWithRules(10_000)));
  writeFileSync(join(dir, 'contacts.jsonl'), '{"id":"1","properties":{"jobtitle":"Director"}}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ DATA_DIR: dir, DATABASE_URL: '' });
const refusal = () => [
  `${huge}: (root): at most 256 KB of JSON (got ${Math.ceil(statSync(huge).size / 1024)} KB)`,
  `${huge}: fit.rules: at most 50 rules (got 10,000)`,
];

describe('a 10,000-rule agreement (970 KB) on the command line', () => {
  it('When validated, then each limit is named with its path and it exits 2', () => {
    const run = runCli(['validate', '--agreement', huge]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(refusal());
  });

  it('When simulated, then it is refused the same way before any contact is read', () => {
    const run = runCli(['simulate', '--agreement', huge, '--contacts', join(dir, 'contacts.jsonl')], env());
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(refusal());
  });

  it('When applied, then it is refused the same way and nothing becomes active', () => {
    const people = ['--proposed-by', 'mika@example.com', '--approved-by', 'sato@example.com'];
    const run = runCli(['agreement', 'apply', '--portal', '4242', '--file', huge, ...people], env());
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(refusal());
    expect(runCli(['agreement', 'show', '--portal', '4242'], env()).stderr).toMatch(
      /has no active agreement/,
    );
  });
});
