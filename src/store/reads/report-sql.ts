import { sql, type RawBuilder } from 'kysely';
import type { ReportWindow } from '../../use-cases/ports/report-reads';
import type { Engine } from '../engine';

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

/** SQL naming the window month (`YYYY-MM`) an epoch-ms column falls in; null outside the window. */
export function monthOfColumn(window: ReportWindow, column: RawBuilder<unknown>): RawBuilder<string | null> {
  const branches = window.months.map(
    (month, i) => sql`when ${column} < ${sql.lit(window.bounds[i + 1] as number)} then ${sql.lit(month)}`,
  );
  return sql<
    string | null
  >`(case when ${column} < ${sql.lit(window.start)} then null ${sql.join(branches, sql` `)} else null end)`;
}
