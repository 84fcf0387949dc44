import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/db-schema';
import type { Engine } from '../../store/engine';

/** The store's Kysely instance and its engine (what `openDatabase` returns). */
export interface ReportDb {
  db: Kysely<Database>;
  engine: Engine;
}

/** Property names read from stored contact JSON; constants only, never user input (they are inlined). */
const PROPERTY_NAME = /^[a-z0-9_]+$/;

/** SQL reading one property of a JSON text column, the same on both engines (null when absent). */
export function jsonProperty(
  engine: Engine,
  column: RawBuilder<unknown>,
  name: string,
): RawBuilder<string | null> {
  if (!PROPERTY_NAME.test(name)) throw new RangeError(`not a property name: ${name}`);
  return engine === 'postgres'
    ? sql<string | null>`(${column}::json ->> '${sql.raw(name)}')`
    : sql<string | null>`json_extract(${column}, '$.${sql.raw(name)}')`;
}
