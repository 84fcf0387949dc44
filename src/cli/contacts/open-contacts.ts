import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Transform } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../domain/app-error';
import iconv from 'iconv-lite';
import type { ContactRow } from './contact-row';
import { detectEncoding, namedEncoding, type FileEncoding } from './detect-encoding';
import type { CsvRecordOptions } from './csv-records';
import { readPropertiesFile } from './properties-file';
import { readCsvContacts } from './read-csv-contacts';
import { readJsonContacts } from './read-json-contacts';
import { readJsonFile } from './read-json-file';
import { readJsonlContacts } from './read-jsonl-contacts';

/** An opened contacts file: its rows, what a row number means, and how far reading has got (for a progress bar). */
export interface ContactSource {
  rows: AsyncIterable<ContactRow>;
  unit: 'line' | 'item';
  totalBytes: number;
  bytesRead(): number;
  /** A CSV file's encoding and how it was decided; JSON is UTF-8 by definition (RFC 8259). */
  encoding?: FileEncoding;
}

/** Bytes looked at to decide a CSV file's encoding. */
const ENCODING_SAMPLE_BYTES = 64 * 1024;

const mapSchema = z.record(
  z.string(),
  z
    .string()
    .regex(/^(company\.)?[A-Za-z0-9_]+$/, 'expected a property name such as "company.numberofemployees"'),
);

/** Opens a contacts file by extension: .csv (HubSpot export), .json (array), .jsonl/.ndjson (one contact a line). */
export async function openContacts(
  file: string,
  options: {
    mapFile?: string;
    encoding?: string;
    /** The time zone of a CSV export's offset-less dates (default UTC; `simulate` passes --tz or the SLA's). */
    zone?: string;
    /** `--properties FILE`: the portal's labels and option labels. */
    propertiesFile?: string;
    records?: CsvRecordOptions;
  } = {},
): Promise<ContactSource> {
  const totalBytes = await sizeOf(file);
  const extension = extname(file).toLowerCase();
  if (extension === '.json') {
    return { rows: readJsonContacts(file), unit: 'item', totalBytes, bytesRead: () => totalBytes };
  }
  if (extension !== '.csv' && extension !== '.jsonl' && extension !== '.ndjson') {
    throw new AppError(
      'invalid_input',
      `${file}: unknown format "${extension}" (use .csv, .json, .jsonl or .ndjson)`,
    );
  }
  const map = options.mapFile ? await readMap(options.mapFile) : {};
  if (extension !== '.csv') {
    const input = createReadStream(file, { highWaterMark: 64 * 1024 });
    return { rows: readJsonlContacts(input), unit: 'line', totalBytes, bytesRead: () => input.bytesRead };
  }
  const portal = options.propertiesFile ? await readPropertiesFile(options.propertiesFile) : undefined;
  const encoding = options.encoding
    ? namedEncoding(options.encoding)
    : detectEncoding(await head(file), totalBytes <= ENCODING_SAMPLE_BYTES, file);
  const input = createReadStream(file, { highWaterMark: 64 * 1024 });
  // iconv-lite's decode stream is a stream.Transform; its typings say only NodeJS.ReadWriteStream.
  const text = input.pipe(iconv.decodeStream(encoding.encoding) as Transform);
  // pipe() does not pass a read error on: the decoder fails with it, so the CSV reader sees it.
  input.once('error', (error) => text.destroy(error));
  const rows = readCsvContacts(text, file, {
    map,
    zone: options.zone ?? 'UTC',
    ...(portal ? { portal } : {}),
    ...(options.records ? { records: options.records } : {}),
  });
  return { rows, unit: 'line', totalBytes, bytesRead: () => input.bytesRead, encoding };
}

/** The first bytes of a file, to decide its encoding. */
async function head(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(ENCODING_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readMap(file: string): Promise<Record<string, string>> {
  const parsed = mapSchema.safeParse(await readJsonFile(file));
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const lines = details.map((d) => `${file}: ${d.path}: ${d.message}`).join('\n');
  throw new AppError('invalid_input', lines, details);
}

async function sizeOf(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (info.isFile()) return info.size;
  } catch (cause) {
    throw new AppError('invalid_input', `${file}: no such file`, [], { cause });
  }
  throw new AppError('invalid_input', `${file}: not a file`);
}
