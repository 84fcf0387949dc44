import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContactRow } from '../../../src/cli/contacts/contact-row';
import { openContacts } from '../../../src/cli/contacts/open-contacts';
import { isAppError } from '../../../src/domain/app-error';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lead-pact-read-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
async function rows(path: string, mapFile?: string): Promise<ContactRow[]> {
  const source = await openContacts(path, { mapFile });
  const all: ContactRow[] = [];
  for await (const row of source.rows) all.push(row);
  return all;
}

describe('reading a HubSpot CSV export', () => {
  it('maps property labels to internal names and export option labels to internal values', async () => {
    const csv = file(
      'labels.csv',
      'Record ID,Job Title,Lifecycle Stage,Recent Conversion Date,company.Number of Employees,company.industry\n' +
        '7,部長,Marketing Qualified Lead,2026-11-20 10:15,"1,200",Computer Software\n',
    );
    expect(await rows(csv)).toEqual([
      {
        line: 2,
        contact: {
          id: '7',
          properties: {
            hs_object_id: '7',
            jobtitle: '部長',
            lifecyclestage: 'marketingqualifiedlead',
            // No --tz here: openContacts reads offset-less dates as UTC unless told a zone.
            recent_conversion_date: '2026-11-20T10:15Z',
          },
          company: { numberofemployees: '1,200', industry: 'COMPUTER_SOFTWARE' },
        },
      },
    ]);
  });

  it('reads internal names as they are and leaves empty cells out', async () => {
    const csv = file('internal.csv', 'id,jobtitle,email\n8,,a@b.example\n');
    expect(await rows(csv)).toEqual([
      { line: 2, contact: { id: '8', properties: { id: '8', email: 'a@b.example' } } },
    ]);
  });

  it('reports a row with the wrong number of columns or no id by its line and keeps reading', async () => {
    const csv = file(
      'bad.csv',
      'Record ID,Job Title\n1,VP\n2,VP,extra\n\n,Manager\n"4","multi\nline"\n5,CEO\n',
    );
    const result = (await rows(csv)).map((r) =>
      'problem' in r ? `${r.line}: ${r.problem}` : `${r.line}: ok ${r.contact.id}`,
    );
    expect(result).toEqual([
      '2: ok 1',
      '3: expected 2 columns, found 3',
      '5: missing id (column "hs_object_id" is empty)',
      // A record spanning lines is named by the line where it starts.
      '6: ok 4',
      '8: ok 5',
    ]);
  });

  it('applies a --map file to headers before the label table', async () => {
    const csv = file('mapped.csv', 'Record ID,Number of Employees,Industry\n3,250,MACHINERY\n');
    const map = file(
      'map.json',
      '{"Number of Employees": "company.numberofemployees", "Industry": "company.industry"}',
    );
    const [row] = await rows(csv, map);
    expect(row).toEqual({
      line: 2,
      contact: {
        id: '3',
        properties: { hs_object_id: '3' },
        company: { numberofemployees: '250', industry: 'MACHINERY' },
      },
    });
  });

  it('refuses a header row without an id column', async () => {
    const csv = file('noid.csv', 'Job Title,Email\nVP,a@b.example\n');
    await expect(rows(csv)).rejects.toThrow(/no id column/);
  });
});

describe('reading JSON Lines and JSON arrays', () => {
  it('reads {id, properties, company} lines and reports unparsable lines and missing ids by line', async () => {
    const jsonl = file(
      'c.jsonl',
      '{"id":"1","properties":{"jobtitle":"VP","numemployees":50},"company":{"industry":"MACHINERY"}}\n' +
        '{"id":"2","properties":\n\n{"properties":{"jobtitle":"CEO"}}\n{"properties":{"hs_object_id":"4"}}\n',
    );
    expect(await rows(jsonl)).toEqual([
      {
        line: 1,
        contact: {
          id: '1',
          properties: { jobtitle: 'VP', numemployees: '50' },
          company: { industry: 'MACHINERY' },
        },
      },
      { line: 2, problem: 'not valid JSON' },
      { line: 4, problem: 'missing id' },
      { line: 5, contact: { id: '4', properties: { hs_object_id: '4' } } },
    ]);
  });

  it('reads a JSON array, naming a bad item by its position', async () => {
    const json = file('c.json', '[{"id": 1, "properties": {}}, {"id": "2", "properties": "x"}]');
    expect(await rows(json)).toEqual([
      { line: 1, contact: { id: '1', properties: {} } },
      { line: 2, problem: expect.stringMatching(/^properties: /) },
    ]);
  });

  it('names line and column of invalid JSON in an array file', async () => {
    const json = file('broken.json', '[\n  {"id": 1,, "properties": {}}\n]');
    const error = await rows(json).catch((e: unknown) => e);
    expect(isAppError(error, 'invalid_input') && error.message).toMatch(
      /broken\.json:2:12: invalid JSON: expected a double-quoted property name/,
    );
  });

  it('refuses a directory named like a contacts file', async () => {
    const path = join(dir, 'folder.csv');
    mkdirSync(path);
    await expect(rows(path)).rejects.toThrow(/folder\.csv: not a file/);
  });

  it('refuses an unknown extension', async () => {
    await expect(rows(file('c.xlsx', ''))).rejects.toThrow(/unknown format ".xlsx"/);
  });
});
