import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { sizeAndQuotePact } from '../simulation/size-and-quote-pact';
import { runCli } from './run-cli';

// Each test starts the built CLI as a process, which is slow on a busy machine.
jest.setTimeout(90_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-pact-simulate-'));
  write('agreement.json', JSON.stringify(agreement));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Capacity 2 in November (see sizeAndQuotePact). */
const agreement = sizeAndQuotePact(2);

// 1: A1 score 80 (not converted) · 2: 14 days old, 30 points, A3 · 3: date unknown, full 60, 70 fit points, A1 score 82
// 4: customer, disqualified, converted · 5: D4, opportunity, converted · 6: A1 score 80, after 1 so held back by capacity
const ROWS = [
  ['1', 'Get a quote', '2026-11-27T00:00:00Z', 'Lead', '0', '500'],
  ['2', 'Get a quote', '2026-11-13T00:00:00Z', '', '', '500'],
  ['3', 'Get a quote', '', '', '', '"1,500"'],
  ['4', 'Get a quote', '2026-11-27T00:00:00Z', 'Customer', '2', '500'],
  ['5', '', '', 'Opportunity', '', '50'],
  ['6', 'Get a quote', '2026-11-27T00:00:00Z', '', '', '500'],
];
const LABELS =
  'Record ID,Recent Conversion,Recent Conversion Date,Lifecycle Stage,Number of Associated Deals';
const csv = (header: string) => `${header}\n${ROWS.map((r) => r.join(',')).join('\n')}\n`;
const NOW = ['--now', '2026-11-27T00:00:00Z'];

const simulate = (contacts: string, ...extra: string[]) =>
  runCli(['simulate', '--agreement', join(dir, 'agreement.json'), '--contacts', contacts, ...NOW, ...extra]);

const EXPECTED = {
  agreement: 'Test pact',
  month: '2026-11',
  contacts: 6,
  tiers: { sales_ready: 2, nurture: 3, recycled: 0, disqualified: 1 },
  stages: { awareness: 1, interest: 0, comparison: 0, decision: 5 },
  routes: { field_sales: 2, inside_sales: 0, marketing: 4 },
  capacity: { capacity: 2, eligible: 3, salesReady: 2, heldBack: 1, unused: 0 },
  conversion: { contacts: 3, converted: 2, rate: 0.6667 },
  skipped: { rows: 0, problems: [] },
};

function nonZeroGrades(output: { grades: Record<string, number> }) {
  return Object.fromEntries(Object.entries(output.grades).filter(([, n]) => n > 0));
}

describe('lead-pact simulate', () => {
  it('When a CSV export has HubSpot labels as headers, then --json counts every tier, grade, stage and route', () => {
    const run = simulate(write('labels.csv', csv(`${LABELS},company.numberofemployees`)), '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({ ...EXPECTED, now: '2026-11-27T00:00:00.000Z' });
    expect(nonZeroGrades(output)).toEqual({ A1: 4, A3: 1, D4: 1 });
    expect(output.conversion.byGrade.A1).toEqual({ contacts: 2, converted: 1, rate: 0.5 });
    expect(output.conversion.byGrade.D4).toEqual({ contacts: 1, converted: 1, rate: 1 });
    expect(Object.keys(output.grades)).toHaveLength(16);
  });

  it('When the headers are internal names, then the numbers are the same', () => {
    const header =
      'hs_object_id,recent_conversion_event_name,recent_conversion_date,lifecyclestage,num_associated_deals,company.numberofemployees';
    const run = simulate(
      write(
        'internal.csv',
        csv(header).replace(/Lead|Customer|Opportunity/g, (s) => s.toLowerCase()),
      ),
      '--json',
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject(EXPECTED);
  });

  it('When a --map file names the company columns, then they are read as company properties', () => {
    const contacts = write('mapped.csv', csv(`${LABELS},Number of Employees`));
    const map = write('map.json', JSON.stringify({ 'Number of Employees': 'company.numberofemployees' }));
    const run = simulate(contacts, '--json', '--map', map);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ...EXPECTED, unseenProperties: [] });
    const unmapped = simulate(contacts);
    expect(unmapped.stdout).toContain('No contact had a value for: company.numberofemployees');
  });

  it('When contacts come as JSONL, then bad lines are reported by number, skipped, and the run exits 2 after the totals', () => {
    const lines = ROWS.map(([id, conversion, at, stage, deals, size]) =>
      JSON.stringify({
        id,
        properties: {
          recent_conversion_event_name: conversion,
          recent_conversion_date: at,
          lifecyclestage: stage?.toLowerCase(),
          num_associated_deals: deals,
        },
        company: { numberofemployees: size?.replace(/"/g, '') },
      }),
    );
    lines.splice(2, 0, '{"id": "x", "properties": {', '{"properties": {"jobtitle": "VP"}}');
    const file = write('contacts.jsonl', `${lines.join('\n')}\n`);
    const run = simulate(file, '--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `${file}: line 3: not valid JSON\n${file}: line 4: missing id\n2 rows were skipped (see above)\n`,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      ...EXPECTED,
      skipped: {
        rows: 2,
        problems: [
          { line: 3, problem: 'not valid JSON' },
          { line: 4, problem: 'missing id' },
        ],
      },
    });
  });

  it('When a CSV row has the wrong number of columns, then its line is named and the good rows still count', () => {
    const text = csv(`${LABELS},company.numberofemployees`).replace('\n5,', '\n5,extra,');
    const file = write('bad.csv', text);
    const run = simulate(file, '--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${file}: line 6: expected 6 columns, found 7\n1 row was skipped (see above)\n`);
    expect(JSON.parse(run.stdout)).toMatchObject({ contacts: 5, tiers: { sales_ready: 2, nurture: 2 } });
  });

  it('When --month names a month with more capacity, then every eligible contact is handed over', () => {
    const run = simulate(
      write('december.csv', csv(`${LABELS},company.numberofemployees`)),
      '--json',
      '--month',
      '2026-12',
    );
    expect(JSON.parse(run.stdout).capacity).toEqual({
      capacity: 80,
      eligible: 3,
      salesReady: 3,
      heldBack: 0,
      unused: 77,
    });
  });

  it('When run on the bundled example without --json, then it prints the text report and no progress bar when piped', () => {
    const run = runCli([
      'simulate',
      '--agreement',
      'examples/agreement.json',
      '--contacts',
      'examples/contacts.csv',
      ...NOW,
    ]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^'FY2027 H1' on 30 contacts, capacity month 2026-11\n/);
    expect(run.stdout).toMatch(/\nCapacity 2026-11: \d+ sales-ready of 80 /);
    expect(run.stdout).toMatch(/\nConversion \(opportunity, customer or a deal\): 5 of 30 contacts/);
  });

  it('When an option is malformed, then it exits 2 with a plain message', () => {
    const run = simulate('examples/contacts.csv', '--month', '2026-13');
    expect(run).toMatchObject({
      status: 2,
      stdout: '',
      stderr: '--month: expected YYYY-MM, got "2026-13"\n',
    });
    const missing = simulate(join(dir, 'missing.csv'));
    expect(missing).toMatchObject({ status: 2, stderr: `${join(dir, 'missing.csv')}: no such file\n` });
  });

  it('When Excel saved the export as Shift_JIS (CP932), then the counts are those of the UTF-8 file and stderr names the encoding', () => {
    // The quote signal matches 見積 too; every quote row says 見積もり依頼, so a wrong decoding loses the signal.
    const pact = sizeAndQuotePact(2);
    pact.intent.signals[0]!.when = { property: 'recent_conversion_event_name', contains: ['quote', '見積'] };
    const agreementJa = write('agreement-ja.json', JSON.stringify(pact));
    const text = csv(`${LABELS},company.numberofemployees`).replaceAll('Get a quote', '見積もり依頼');
    const run = (contacts: string) =>
      runCli(['simulate', '--agreement', agreementJa, '--contacts', contacts, ...NOW, '--json']);
    const utf8 = run(write('utf8.csv', text));
    const cp932Path = join(dir, 'cp932.csv');
    writeFileSync(cp932Path, iconv.encode(text, 'cp932'));
    const cp932 = run(cp932Path);
    expect(cp932.stderr).toBe(`${cp932Path}: read as Shift_JIS (CP932) (detected)\n`);
    const { file: _a, encoding: utf8Encoding, ...fromUtf8 } = JSON.parse(utf8.stdout);
    const { file: _b, encoding: cp932Encoding, ...fromCp932 } = JSON.parse(cp932.stdout);
    expect(fromCp932).toEqual(fromUtf8);
    expect(fromCp932).toMatchObject({ tiers: EXPECTED.tiers, capacity: EXPECTED.capacity });
    expect([utf8Encoding, cp932Encoding]).toEqual([
      { encoding: 'utf-8', how: 'detected' },
      { encoding: 'cp932', how: 'detected' },
    ]);
  });
});
