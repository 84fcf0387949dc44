import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ContactRow } from '../../../src/cli/contacts/contact-row';
import { openContacts } from '../../../src/cli/contacts/open-contacts';
import { isAppError } from '../../../src/domain/app-error';

/** One export as Excel on Japanese Windows saves it in each encoding it offers, byte for byte. */
const EXPORT =
  'Record ID,Job Title,company.Number of Employees\r\n1,本部長,"1,200"\r\n2,部長代理,80\r\n3,Müller GmbH 営業部,15\r\n';
const EXPECTED: ContactRow[] = [
  {
    line: 2,
    contact: {
      id: '1',
      properties: { hs_object_id: '1', jobtitle: '本部長' },
      company: { numberofemployees: '1,200' },
    },
  },
  {
    line: 3,
    contact: {
      id: '2',
      properties: { hs_object_id: '2', jobtitle: '部長代理' },
      company: { numberofemployees: '80' },
    },
  },
  {
    line: 4,
    contact: {
      id: '3',
      properties: { hs_object_id: '3', jobtitle: 'Müller GmbH 営業部' },
      company: { numberofemployees: '15' },
    },
  },
];

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'lead-pact-encodings-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
async function read(path: string, encoding?: string) {
  const source = await openContacts(path, encoding ? { encoding } : {});
  const rows: ContactRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { rows, encoding: source.encoding };
}
const bom = (hex: string, body: Buffer) => Buffer.concat([Buffer.from(hex, 'hex'), body]);

describe('a HubSpot export in any encoding Excel saves', () => {
  it.each([
    ['UTF-8', Buffer.from(EXPORT, 'utf8'), { encoding: 'utf-8', how: 'detected' }],
    [
      'UTF-8 with BOM (Excel "CSV UTF-8")',
      bom('efbbbf', Buffer.from(EXPORT, 'utf8')),
      { encoding: 'utf-8', how: 'byte order mark' },
    ],
    [
      'UTF-16 LE with BOM (Excel "Unicode text")',
      bom('fffe', iconv.encode(EXPORT, 'utf-16le')),
      { encoding: 'utf-16le', how: 'byte order mark' },
    ],
    [
      'UTF-16 BE with BOM',
      bom('feff', iconv.encode(EXPORT, 'utf-16be')),
      { encoding: 'utf-16be', how: 'byte order mark' },
    ],
    [
      'UTF-16 LE without BOM',
      iconv.encode(EXPORT, 'utf-16le', { addBOM: false }),
      { encoding: 'utf-16le', how: 'detected' },
    ],
  ])('%s gives the same rows', async (name, bytes, encoding) => {
    const result = await read(write(`${name}.csv`, bytes));
    expect(result.rows).toEqual(EXPECTED);
    expect(result.encoding).toEqual(encoding);
  });

  it('Shift_JIS (CP932, Excel\'s "CSV" on Japanese Windows) gives the same rows when the text fits CP932', async () => {
    const cp932Text = EXPORT.replace('Müller', 'Mueller');
    const result = await read(write('cp932.csv', iconv.encode(cp932Text, 'cp932')));
    expect(result.encoding).toEqual({ encoding: 'cp932', how: 'detected' });
    expect(result.rows.map((r) => ('contact' in r ? r.contact.properties.jobtitle : r.problem))).toEqual([
      '本部長',
      '部長代理',
      'Mueller GmbH 営業部',
    ]);
  });

  it("a CP932 file larger than the sample, with a character cut at the sample's end, is still CP932", async () => {
    // 64 KB of "本部長" rows puts a double-byte character across the 65,536th byte for some row length.
    const rows = Array.from({ length: 6_000 }, (_, i) => `${i + 1},本部長\r\n`).join('');
    const bytes = iconv.encode(`Record ID,Job Title\r\n${rows}`, 'cp932');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const result = await read(write('big-cp932.csv', bytes));
    expect(result.encoding).toEqual({ encoding: 'cp932', how: 'detected' });
    expect(result.rows).toHaveLength(6_000);
    expect(result.rows.every((r) => 'contact' in r && r.contact.properties.jobtitle === '本部長')).toBe(true);
  });

  it('a Windows-1252 file is refused, naming what it looks like and --encoding; with --encoding it is read', async () => {
    const path = write(
      'latin.csv',
      iconv.encode('Record ID,Job Title\r\n1,Müller Geschäftsführer\r\n', 'windows-1252'),
    );
    const error = await read(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(error, 'invalid_input')).toBe(true);
    expect((error as Error).message).toBe(
      `${path}: not UTF-8, UTF-16 or Shift_JIS (CP932); it looks like a single-byte Windows encoding such as ` +
        'Windows-1252 (try --encoding windows-1252). Save it from Excel as "CSV UTF-8", or name its encoding with --encoding.',
    );
    const named = await read(path, 'windows-1252');
    expect(named.encoding).toEqual({ encoding: 'windows-1252', how: '--encoding' });
    expect(named.rows).toEqual([
      {
        line: 2,
        contact: { id: '1', properties: { hs_object_id: '1', jobtitle: 'Müller Geschäftsführer' } },
      },
    ]);
  });

  it('an unknown --encoding is refused by name', async () => {
    const path = write('any.csv', Buffer.from(EXPORT));
    await expect(read(path, 'klingon-8')).rejects.toThrow('--encoding: unknown encoding "klingon-8"');
  });
});
