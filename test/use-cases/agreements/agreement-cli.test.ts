import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../../cli/run-cli';

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'lead-pact-agreement-cli-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });
const cli = (...args: string[]) => runCli(['agreement', ...args], env());
const example = () => JSON.parse(readFileSync(join(ROOT, 'examples', 'agreement.json'), 'utf8'));
const writeAgreement = (name: string, change: (a: ReturnType<typeof example>) => void) => {
  const agreement = example();
  change(agreement);
  const file = join(dataDir, name);
  writeFileSync(file, JSON.stringify(agreement));
  return file;
};
const people = (proposer: string, approver: string) => ['--proposed-by', proposer, '--approved-by', approver];

describe('lead-pact agreement', () => {
  it('When an agreement is applied, then show prints it as the active version with who approved it', () => {
    const applied = cli(
      'apply',
      '--portal',
      '4242',
      '--file',
      'examples/agreement.json',
      ...people('mika@example.com', 'sato@example.com'),
    );
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    expect(applied.stdout.split('\n').slice(0, 4)).toEqual([
      "Version 1 'FY2027 H1' of portal 4242 is active (the first active version).",
      'Proposed by mika@example.com, approved by sato@example.com: Reviewed in git',
      'A rescore of every contact is queued. Changes:',
      "  agreement: first version 'FY2027 H1'",
    ]);
    const shown = cli('show', '--portal', '4242', '--json');
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      portalId: '4242',
      version: 1,
      name: 'FY2027 H1',
      proposedBy: 'mika@example.com',
      approvedBy: 'sato@example.com',
      agreement: example(),
    });
    const again = cli(
      'apply',
      '--portal',
      '4242',
      '--file',
      'examples/agreement.json',
      ...people('sato@example.com', 'mika@example.com'),
    );
    expect(again.stdout).toContain('is active (supersedes version 1).');
    expect(again.stdout).toContain('Changes:\n  (no changes)\n');
    expect(cli('show', '--portal', '4242').stdout).toMatch(
      /^Version 2 'FY2027 H1' is active for portal 4242\.\nApproved by mika@example\.com on /,
    );
  });

  it('When a second version is applied, then it prints the diff and the history lists both', () => {
    cli(
      'apply',
      '--portal',
      '7',
      '--file',
      'examples/agreement.json',
      ...people('mika@example.com', 'sato@example.com'),
    );
    const file = writeAgreement('v2.json', (a) => (a.intent.signals[0].halfLifeDays = 21));
    const second = cli(
      'apply',
      '--portal',
      '7',
      '--file',
      file,
      ...people('sato@example.com', 'mika@example.com'),
      '--rationale',
      'Quotes stay hot',
    );
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('is active (supersedes version 1)');
    expect(second.stdout).toContain('  intent.signals[quote-click]: half-life now 21 days, was 14\n');
    const history = cli('history', '--portal', '7', '--json');
    const entries = JSON.parse(history.stdout) as { version: number; status: string; rationale: string }[];
    expect(entries.map((e) => [e.version, e.status, e.rationale])).toEqual([
      [2, 'active', 'Quotes stay hot'],
      [1, 'superseded', 'Reviewed in git'],
    ]);
  });

  it('When the file is invalid, then it exits 2 naming every problem by path and activates nothing', () => {
    const file = writeAgreement('bad.json', (a) => {
      a.fit.rules[0].bands[0].min = 'many';
      a.sla.progressDays = -1;
    });
    const run = cli(
      'apply',
      '--portal',
      '4242',
      '--file',
      file,
      ...people('mika@example.com', 'sato@example.com'),
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}: fit.rules[0].bands[0].min: `);
    expect(run.stderr).toContain(`${file}: sla.progressDays: `);
    const shown = cli('show', '--portal', '4242');
    expect(shown.stderr).toBe('Portal 4242 has no active agreement yet; propose one and have it approved.\n');
    expect(shown.status).toBe(1);
  });

  it('refuses the same person as proposer and approver, and a proposer that is not an email', () => {
    const same = cli(
      'apply',
      '--portal',
      '1',
      '--file',
      'examples/agreement.json',
      ...people('mika@example.com', 'Mika@example.com'),
    );
    expect([same.status, same.stderr]).toEqual([
      2,
      'The approver must be someone other than the proposer.\n',
    ]);
    const notEmail = cli(
      'apply',
      '--portal',
      '1',
      '--file',
      'examples/agreement.json',
      ...people('mika', 'sato@example.com'),
    );
    expect([notEmail.status, notEmail.stderr]).toEqual([2, '--proposed-by: expected an email address\n']);
  });
});
