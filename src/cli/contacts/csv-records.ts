// Why not csv-parse (which this project used before): after an unclosed quote it reads to the end of the file
// inside one field (memory grows with the file) and cannot resume after its max_record_size error, so every good row
// after the break was lost. HubSpot exports are RFC 4180 (comma, double quotes, CRLF or LF), which is all this reads.
import { StringDecoder } from 'node:string_decoder';

/** One CSV record (its fields, `line` where it starts) or a problem at the line where the bad record started. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; problem: string };

export interface CsvRecordOptions {
  /**
   * The most characters one record may hold. A quoted field may span lines (a HubSpot note with line breaks), but a
   * quote still open after this many characters, or at the end of the file, was never closed: the record is reported
   * at the line where it opened and reading starts again on the next line, so nothing after it is lost either.
   * A single line longer than this is reported and skipped. Memory stays bounded by it whatever the file.
   */
  maxRecordChars?: number;
  /** What the reader holds at most (for tests: the buffered record and the unfinished line never pass the bound). */
  stats?: { peakRecordChars: number; peakLineChars: number };
}

export const DEFAULT_MAX_RECORD_CHARS = 1024 * 1024;

interface Line {
  number: number;
  text: string;
  tooLong?: true;
}

/** Physical lines of a text stream (LF or CRLF), each at most `max` characters; longer ones come out marked. */
async function* physicalLines(
  chunks: AsyncIterable<string | Buffer>,
  max: number,
  stats: CsvRecordOptions['stats'],
): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let skipping = false;
  let number = 0;
  const finish = (text: string): Line => {
    number++;
    if (skipping) {
      skipping = false;
      return { number, text: '', tooLong: true };
    }
    return { number, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let from = 0;
    for (;;) {
      const newline = text.indexOf('\n', from);
      const end = newline < 0 ? text.length : newline;
      if (!skipping) {
        if (partial.length + (end - from) > max) {
          skipping = true;
          partial = '';
        } else partial += text.slice(from, end);
      }
      if (stats && partial.length > stats.peakLineChars) stats.peakLineChars = partial.length;
      if (newline < 0) break;
      const line = finish(partial);
      partial = '';
      yield line;
      from = newline + 1;
    }
  }
  if (partial !== '' || skipping) yield finish(partial);
}

const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** A quote inside a quoted field: the field's end, or the first half of an escaped quote. */
  QuoteInQuoted: 3,
} as const;
type State = (typeof State)[keyof typeof State];

/**
 * Streams CSV records (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a quote inside an
 * unquoted field is kept as text). Empty lines and a leading byte order mark are skipped. A quote that is never
 * closed is reported at the line where it opened, and the lines after it are read again as records of their own;
 * so is a record spanning lines that comes out malformed (a field count other than the header's, text after a closing
 * quote), which is what a stray quote closed by another row's stray quote looks like.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string | Buffer>,
  options: CsvRecordOptions = {},
): AsyncGenerator<CsvRecord> {
  const max = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const stats = options.stats;
  const source = physicalLines(chunks, max, stats)[Symbol.asyncIterator]();
  /** Lines given back after a broken record, read again before the source. */
  const again: Line[] = [];
  let pending: Line[] = [];
  let pendingChars = 0;
  let fields: string[] = [];
  let field = '';
  let state: State = State.FieldStart;
  let problem: string | undefined;
  let headerFields: number | undefined;
  let first = true;

  const reset = () => {
    pending = [];
    pendingChars = 0;
    fields = [];
    field = '';
    state = State.FieldStart;
    problem = undefined;
  };
  /** The record that started at pending[0] is broken: report it there and read the lines after it again. */
  const restart = (why: string, extra?: Line): CsvRecord => {
    const at = pending[0]!.number;
    again.unshift(...pending.slice(1), ...(extra ? [extra] : []));
    reset();
    return { line: at, problem: why };
  };
  const unclosed = (why: string) => `a quote opened on this line is never closed (${why})`;

  for (;;) {
    let line: Line | undefined = again.shift();
    if (!line) {
      const next = await source.next();
      if (next.done) {
        if (pending.length === 0) return;
        yield restart(unclosed('the file ends inside it'));
        continue;
      }
      line = next.value;
    }
    if (first) {
      first = false;
      if (line.text.charCodeAt(0) === 0xfeff) line = { ...line, text: line.text.slice(1) };
    }
    if (line.tooLong) {
      if (pending.length > 0) {
        yield restart(unclosed(`no closing quote within ${max} characters`), line);
        continue;
      }
      yield { line: line.number, problem: `line longer than ${max} characters` };
      continue;
    }
    const text = line.text;
    if (pending.length === 0) {
      if (text === '') continue;
      // The common case: a whole record on one line without quotes.
      if (!text.includes('"')) {
        const record = text.split(',');
        headerFields ??= record.length;
        yield { line: line.number, fields: record };
        continue;
      }
    } else {
      if (pendingChars + text.length + 1 > max) {
        yield restart(unclosed(`no closing quote within ${max} characters`), line);
        continue;
      }
      // The line break belongs to the quoted field.
      field += '\n';
    }
    pending.push(line);
    pendingChars += text.length + 1;
    if (stats && pendingChars > stats.peakRecordChars) stats.peakRecordChars = pendingChars;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      switch (state) {
        case State.FieldStart:
          if (ch === 34) state = State.Quoted;
          else if (ch === 44) fields.push('');
          else {
            field = text[i]!;
            state = State.Unquoted;
          }
          break;
        case State.Unquoted:
          if (ch === 44) {
            fields.push(field);
            field = '';
            state = State.FieldStart;
          } else field += text[i];
          break;
        case State.Quoted:
          if (ch === 34) state = State.QuoteInQuoted;
          else field += text[i];
          break;
        case State.QuoteInQuoted:
          if (ch === 34) {
            field += '"';
            state = State.Quoted;
          } else if (ch === 44) {
            fields.push(field);
            field = '';
            state = State.FieldStart;
          } else {
            problem ??= `text after the closing quote of column ${fields.length + 1}`;
            field += text[i];
            state = State.Unquoted;
          }
          break;
      }
    }
    if (state === State.Quoted) continue;
    fields.push(field);
    const record = fields;
    const start = pending[0]!.number;
    const spansLines = pending.length > 1;
    if (
      spansLines &&
      (problem !== undefined || (headerFields !== undefined && record.length !== headerFields))
    ) {
      const last = pending[pending.length - 1]!.number;
      yield restart(unclosed(`the quote on line ${last} that would close it leaves a malformed record`));
      continue;
    }
    const bad = problem;
    reset();
    if (bad !== undefined) {
      yield { line: start, problem: bad };
      continue;
    }
    headerFields ??= record.length;
    yield { line: start, fields: record };
  }
}
