import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../domain/app-error';
import type { PropertyMap } from '../../domain/qualification';
import type { ContactRow } from './contact-row';
import { exportValue } from './export-values';
import { propertyForHeader } from './hubspot-labels';

type Column = { kind: 'contact' | 'company'; name: string; property: string };
const ID_PROPERTIES = ['hs_object_id', 'id'];

/**
 * Streams contacts from a HubSpot CSV export (labels or internal names as headers, `company.<name>` columns).
 * Rows with the wrong number of columns, a broken quote or an empty id come out as problems with their line.
 */
export async function* readCsvContacts(
  input: Readable,
  source: string,
  map: Readonly<Record<string, string>> = {},
): AsyncGenerator<ContactRow> {
  const skipped: ContactRow[] = [];
  const parser = input.pipe(
    parse({
      info: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) =>
        void skipped.push({ line: lineOf(error), problem: error?.message ?? 'unreadable row' }),
    }),
  );
  // pipe() does not pass a read error on: without this, a failing read would be an unhandled 'error' event.
  input.once('error', (error) => parser.destroy(error));
  let columns: Column[] | undefined;
  let idIndex = -1;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    yield* skipped.splice(0);
    if (!columns) {
      columns = record.map((header) => column(propertyForHeader(header, map)));
      idIndex = columns.findIndex((c) => c.kind === 'contact' && ID_PROPERTIES.includes(c.property));
      if (idIndex < 0) throw noIdColumn(source);
      continue;
    }
    yield toRow(record, columns, idIndex, info.lines);
  }
  yield* skipped.splice(0);
  if (!columns) throw new AppError('invalid_input', `${source}: empty file (expected a header row)`);
}

function column(property: string): Column {
  return property.startsWith('company.')
    ? { kind: 'company', name: property.slice('company.'.length), property }
    : { kind: 'contact', name: property, property };
}

function toRow(record: string[], columns: Column[], idIndex: number, line: number): ContactRow {
  if (record.length !== columns.length) {
    return { line, problem: `expected ${columns.length} columns, found ${record.length}` };
  }
  const id = record[idIndex]?.trim();
  if (!id) return { line, problem: `missing id (column "${columns[idIndex]?.name}" is empty)` };
  const properties: PropertyMap = {};
  let company: PropertyMap | undefined;
  for (let i = 0; i < columns.length; i++) {
    const raw = record[i];
    const col = columns[i] as Column;
    if (raw === undefined || raw === '') continue;
    const value = exportValue(col.property, raw);
    if (col.kind === 'contact') properties[col.name] = value;
    else (company ??= {})[col.name] = value;
  }
  return { line, contact: company ? { id, properties, company } : { id, properties } };
}

function lineOf(error: unknown): number {
  const lines = (error as { lines?: unknown } | undefined)?.lines;
  return typeof lines === 'number' ? lines : 0;
}

function noIdColumn(source: string): AppError {
  return new AppError(
    'invalid_input',
    `${source}: no id column (expected "Record ID", "hs_object_id" or "id" in the header row)`,
  );
}
