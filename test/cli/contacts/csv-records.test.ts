import { Readable } from 'node:stream';
import { readCsvRecords, type CsvRecord, type CsvRecordOptions } from '../../../src/cli/contacts/csv-records';

async function records(text: string | string[], options: CsvRecordOptions = {}): Promise<string[]> {
  const chunks = typeof text === 'string' ? [text] : text;
  const out: string[] = [];
  for await (const r of readCsvRecords(Readable.from(chunks), options)) out.push(show(r));
  return out;
}
const show = (r: CsvRecord) =>
  'problem' in r ? `${r.line}! ${r.problem}` : `${r.line}: ${r.fields.join('|')}`;

describe('reading CSV records', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF, a BOM and skips empty lines', async () => {
    const text = '\uFEFFid,note\r\n1,"a, ""b"""\r\n\r\n2,"two\r\nlines"\r\n3,\r\n';
    expect(await records(text)).toEqual(['1: id|note', '2: 1|a, "b"', '4: 2|two\nlines', '6: 3|']);
  });

  it('reads the same records whatever the chunks are cut at', async () => {
    const text = 'id,note\n1,"x\ny"\n2,plain\n';
    const cut = [...text].map((ch) => ch);
    expect(await records(cut)).toEqual(await records(text));
  });

  it('When a quote opens on line 2 of a 3-row file and never closes, then line 2 is named and rows 3 and 4 are kept', async () => {
    const text = 'id,size\n1,"500\n2,600\n3,700\n';
    expect(await records(text)).toEqual([
      '1: id|size',
      '2! a quote opened on this line is never closed (the file ends inside it)',
      '3: 2|600',
      '4: 3|700',
    ]);
  });

  it('When a stray quote is closed by a later row, then the record it makes has the wrong columns and is read again line by line', async () => {
    const text = 'id,size\n1,"500\n2,600\n3,7"00\n4,800\n';
    expect(await records(text)).toEqual([
      '1: id|size',
      '2! a quote opened on this line is never closed (the quote on line 4 that would close it leaves a malformed record)',
      '3: 2|600',
      '4: 3|7"00',
      '5: 4|800',
    ]);
  });

  it('When a quote stays open past the record bound, then it is reported where it opened and reading resumes on the next line', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i + 2},row${i + 2}`);
    const text = `id,name\n1,"never closed\n${rows.join('\n')}\n`;
    const result = await records(text, { maxRecordChars: 64 });
    expect(result[1]).toBe(
      '2! a quote opened on this line is never closed (no closing quote within 64 characters)',
    );
    expect(result.slice(2)).toEqual(rows.map((row, i) => `${i + 3}: ${row.replace(',', '|')}`));
  });

  it('When the quote on a later line closes the record with too many columns, then it is read again line by line too', async () => {
    const text = 'id,size\n1,"500\n2,600\n3,"7,8\n4,800\n';
    expect(await records(text)).toEqual([
      '1: id|size',
      '2! a quote opened on this line is never closed (the quote on line 4 that would close it leaves a malformed record)',
      '3: 2|600',
      '4! a quote opened on this line is never closed (the file ends inside it)',
      '5: 4|800',
    ]);
  });

  it('text after a closing quote is a problem of that row only', async () => {
    expect(await records('id,n\n1,"a"b\n2,c\n')).toEqual([
      '1: id|n',
      '2! text after the closing quote of column 2',
      '3: 2|c',
    ]);
  });

  it('a line longer than the bound is reported and skipped without being held', async () => {
    const stats = { peakRecordChars: 0, peakLineChars: 0 };
    const long = 'x'.repeat(1000);
    const result = await records(['id,n\n1,', long, long, '\n2,b\n'], { maxRecordChars: 100, stats });
    expect(result).toEqual(['1: id|n', '2! line longer than 100 characters', '3: 2|b']);
    expect(stats.peakLineChars).toBeLessThanOrEqual(100);
  });

  it('When a 9 MB file has a quote that never closes near its start, then the buffered record never passes the bound and every other row is read', async () => {
    const bound = 16 * 1024;
    const stats = { peakRecordChars: 0, peakLineChars: 0 };
    const rowCount = 400_000;
    async function* file() {
      yield 'id,name,size\n1,"broken,10\n';
      let batch = '';
      for (let i = 2; i <= rowCount; i++) {
        batch += `${i},name ${i},${i % 1000}\n`;
        if (batch.length > 64 * 1024) {
          yield batch;
          batch = '';
        }
      }
      yield batch;
    }
    let good = 0;
    const problems: string[] = [];
    for await (const r of readCsvRecords(file(), { maxRecordChars: bound, stats })) {
      if ('problem' in r) problems.push(show(r));
      else good++;
    }
    expect(problems).toEqual([
      `2! a quote opened on this line is never closed (no closing quote within ${bound} characters)`,
    ]);
    expect(good).toBe(rowCount); // the header and rows 2..rowCount
    expect(stats.peakRecordChars).toBeLessThanOrEqual(bound);
    expect(stats.peakLineChars).toBeLessThanOrEqual(bound);
  });
});
