import type { Readable } from 'node:stream';
import { AppError } from '../../domain/app-error';
import type { PropertyMap } from '../../domain/qualification';
import type { ContactRow } from './contact-row';
import { readCsvRecords, type CsvRecordOptions } from './csv-records';
import { exportValueReader, type ExportValueReader } from './export-values';
import { propertyForHeader } from './hubspot-labels';
import type { PortalDictionary } from './properties-file';

type Column = { kind: 'contact' | 'company'; name: string; property: string };
const ID_PROPERTIES = ['hs_object_id', 'id'];

/** How a CSV export is read besides its bytes. */
export interface CsvReadOptions {
  /** `--map`: CSV header -> property, applied before any label table. */
  map?: Readonly<Record<string, string>>;
  /** The time zone of dates written without an offset (HubSpot writes them in the account's time zone). */
  zone: string;
  /** The portal's own labels and option labels (`--properties FILE`). */
  portal?: PortalDictionary;
  records?: CsvRecordOptions;
}

/**
 * Streams contacts from a HubSpot CSV export (labels or internal names as headers, `company.<name>` columns).
 * Rows with the wrong number of columns, a broken quote or an empty id come out as problems with their line; a quote
 * never closed is named at the line where it opened and costs only that row (see `readCsvRecords`).
 */
export async function* readCsvContacts(
  input: Readable,
  source: string,
  options: CsvReadOptions,
): AsyncGenerator<ContactRow> {
  const read = exportValueReader({
    zone: options.zone,
    ...(options.portal ? { optionLabels: options.portal.optionLabels } : {}),
  });
  let columns: Column[] | undefined;
  let idIndex = -1;
  for await (const record of readCsvRecords(input as AsyncIterable<string | Buffer>, options.records)) {
    if ('problem' in record) {
      yield record;
      continue;
    }
    if (!columns) {
      columns = record.fields.map((header) =>
        column(propertyForHeader(header, options.map, options.portal?.labels)),
      );
      idIndex = columns.findIndex((c) => c.kind === 'contact' && ID_PROPERTIES.includes(c.property));
      if (idIndex < 0) throw noIdColumn(source);
      continue;
    }
    yield toRow(record.fields, columns, idIndex, record.line, read);
  }
  if (!columns) throw new AppError('invalid_input', `${source}: empty file (expected a header row)`);
}

function column(property: string): Column {
  return property.startsWith('company.')
    ? { kind: 'company', name: property.slice('company.'.length), property }
    : { kind: 'contact', name: property, property };
}

function toRow(
  record: string[],
  columns: Column[],
  idIndex: number,
  line: number,
  read: ExportValueReader,
): ContactRow {
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
    const value = read(col.property, raw);
    if (col.kind === 'contact') properties[col.name] = value;
    else (company ??= {})[col.name] = value;
  }
  return { line, contact: company ? { id, properties, company } : { id, properties } };
}

function noIdColumn(source: string): AppError {
  return new AppError(
    'invalid_input',
    `${source}: no id column (expected "Record ID", "レコードID", "hs_object_id" or "id" in the header row, ` +
      'or a label from --properties)',
  );
}
