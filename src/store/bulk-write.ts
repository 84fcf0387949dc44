import { CompiledQuery, type Compilable } from 'kysely';
import type { DbContext } from './db-context';

/** SQL text per (engine, statement, row count): building and compiling a 512-row insert is costly, its text never changes. */
const compiledSql = new Map<string, string>();

/** Rows per statement: powers of two up to this, so any row count reuses a handful of cached statement shapes. */
const MAX_ROWS = 512;

function chunkSize(remaining: number): number {
  return remaining >= MAX_ROWS ? MAX_ROWS : 2 ** Math.floor(Math.log2(remaining));
}

async function writeChunk<R extends Record<string, unknown>>(
  ctx: DbContext,
  name: string,
  rows: R[],
  build: (rows: R[]) => Compilable,
): Promise<number> {
  const columns = Object.keys(rows[0] as R);
  const key = `${ctx.engine}:${name}:${rows.length}:${columns.join(',')}`;
  const parameters: unknown[] = new Array(rows.length * columns.length);
  let i = 0;
  for (const row of rows) for (const column of columns) parameters[i++] = row[column];
  let text = compiledSql.get(key);
  if (text === undefined) {
    const compiled = build(rows).compile();
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((p, k) => p === parameters[k]);
    if (!same) return affected(await ctx.db.executeQuery(compiled));
    text = compiled.sql;
    compiledSql.set(key, text);
  }
  return affected(await ctx.db.executeQuery(CompiledQuery.raw(text, parameters)));
}

/** Rows a statement inserted, updated or deleted (an insert's conflicts that did nothing are not counted). */
const affected = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0n);

/**
 * Executes a multi-row statement built by `build` in chunks of cached shapes: Kysely compiles each
 * shape once; later calls bind the rows' values (row-major, in the first row's key order) to the
 * cached SQL. Every row must have the same keys, with null (not undefined) for empty values, and
 * `build` must bind nothing but the rows (use `excluded.*` in conflict updates); a shape that binds
 * anything else is simply executed as built each time. Resolves with the rows the statements changed (without
 * RETURNING; for `on conflict do nothing` the rows inserted).
 */
export async function bulkWrite<R extends Record<string, unknown>>(
  ctx: DbContext,
  name: string,
  rows: readonly R[],
  build: (rows: R[]) => Compilable,
): Promise<number> {
  let changed = 0;
  for (let at = 0; at < rows.length;) {
    const size = chunkSize(rows.length - at);
    changed += await writeChunk(ctx, name, rows.slice(at, at + size), build);
    at += size;
  }
  return changed;
}
