import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLE_TITLES, rolePact } from '../simulation/role-pact';
import { runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-keyword-exceptions-'));
  write('without.json', JSON.stringify(rolePact(false)));
  write('with.json', JSON.stringify(rolePact(true)));
  // A HubSpot export: English labels as headers, one title quoted as Excel writes a comma-free cell anyway.
  const rows = ROLE_TITLES.map(([id, title]) => `${id},"${title}"`);
  write('contacts.csv', `Record ID,Job Title\n${rows.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
const simulate = (agreement: string, ...extra: string[]) =>
  runCli([
    'simulate',
    '--agreement',
    join(dir, agreement),
    '--contacts',
    join(dir, 'contacts.csv'),
    '--now',
    '2026-11-27T00:00:00Z',
    ...extra,
  ]);

describe('lead-pact simulate with keyword exceptions', () => {
  it('When 部長代理, 課長補佐 and "assistant to the manager" are exceptions, then they no longer count', () => {
    const before = simulate('without.json', '--json');
    const after = simulate('with.json', '--json');
    expect([before.status, after.status, after.stderr]).toEqual([0, 0, '']);
    const [was, now] = [JSON.parse(before.stdout), JSON.parse(after.stdout)];
    expect(was.tiers.sales_ready).toBe(4);
    expect(now.tiers.sales_ready).toBe(2);
    expect({ A4: now.grades.A4, B4: now.grades.B4, D4: now.grades.D4 }).toEqual({ A4: 2, B4: 2, D4: 4 });
    expect(was.keywordExceptions).toBeUndefined();
    expect(
      now.keywordExceptions.map((k: Record<string, unknown>) => [k.keyword, k.cancelledBy, k.contacts]),
    ).toEqual([
      ['部長', '部長代理', 1],
      ['課長', '課長補佐', 1],
      ['manager', 'assistant to the manager', 1],
    ]);
  });

  it('When the report is text, then it names each keyword an exception cancelled', () => {
    const run = simulate('with.json');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Role: 部長 — cancelled by 部長代理: 1 contact ('営業部長代理')");
    expect(run.stdout).toContain('Tiers:   sales_ready 2 · nurture 6 · recycled 0 · disqualified 0');
  });
});
