import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-route-capacity-'));
  const agreement = JSON.parse(readFileSync(join(ROOT, 'examples', 'agreement.json'), 'utf8'));
  // "This month is busy" said by field sales alone: one field-sales lead in November, inside sales 40.
  agreement.capacity.routes = {
    field_sales: { default: 10, months: { '2026-11': 1 } },
    inside_sales: { default: 40 },
  };
  writeFileSync(join(dir, 'routes.json'), JSON.stringify(agreement));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const simulate = (agreement: string, ...extra: string[]) =>
  runCli([
    'simulate',
    '--agreement',
    agreement,
    '--contacts',
    join(ROOT, 'examples', 'contacts.csv'),
    '--now',
    '2026-11-26T00:00:00Z',
    ...extra,
  ]);

describe('lead-pact simulate with capacity per route', () => {
  it('When field sales is capped at 1 for November, then only field-sales leads are held back, and a line per route says so', () => {
    const run = simulate(join(dir, 'routes.json'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Capacity 2026-11: 3 sales-ready of 80 (7 eligible, 4 held back by capacity, 77 unused)\n' +
        '  field_sales: 1 sales-ready of 1 (5 eligible, 4 held back)\n' +
        '  inside_sales: 2 sales-ready of 40 (2 eligible, 0 held back)\n',
    );
    const json = JSON.parse(simulate(join(dir, 'routes.json'), '--json').stdout);
    expect(json.capacity.routes).toEqual([
      { route: 'field_sales', capacity: 1, eligible: 5, salesReady: 1, heldBack: 4 },
      { route: 'inside_sales', capacity: 40, eligible: 2, salesReady: 2, heldBack: 0 },
    ]);
  });

  it('When the agreement caps no route, then the output is as it was: all 7 handed over, no route lines', () => {
    const run = simulate(join(ROOT, 'examples', 'agreement.json'));
    expect(run.stdout).toContain(
      'Capacity 2026-11: 7 sales-ready of 80 (7 eligible, 0 held back by capacity, 73 unused)',
    );
    expect(run.stdout).not.toContain('  field_sales:');
    expect(
      JSON.parse(simulate(join(ROOT, 'examples', 'agreement.json'), '--json').stdout).capacity.routes,
    ).toBeUndefined();
  });
});
