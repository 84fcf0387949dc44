import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolePact } from '../simulation/role-pact';
import { runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lead-pact-validate-except-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
};

describe('lead-pact validate with keyword exceptions', () => {
  it('When a keyword group lists exceptions, then the summary counts them (and says nothing of them otherwise)', () => {
    const file = write('with.json', rolePact(true));
    expect(runCli(['validate', '--agreement', file])).toEqual({
      status: 0,
      stdout:
        `${file}: valid — 'Role pact with exceptions', 1 fit rule, 0 signals, 0 disqualifiers, ` +
        '3 keyword exceptions, sales-ready A1 A2 A3 A4\n',
      stderr: '',
    });
    const plain = write('without.json', rolePact(false));
    expect(runCli(['validate', '--agreement', plain]).stdout).not.toContain('keyword exception');
  });

  it('When an exception does not contain a keyword of its group, then it is refused at its path', () => {
    const agreement = rolePact(true) as { fit: { rules: { keywords: { except?: string[] }[] }[] } };
    agreement.fit.rules[0]!.keywords[1]!.except = ['課長補佐', 'assistant to the'];
    const file = write('bad.json', agreement);
    const run = runCli(['validate', '--agreement', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `${file}: fit.rules[0].keywords[1].except[1]: contains none of this group's keywords ("課長", "manager"), ` +
        'so it could never cancel a match; write the whole phrase to leave out, keyword included ' +
        '(such as "部長代理" for "部長")\n',
    );
  });
});
