import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { SQLITE_FILE } from '../src/store/open-database';
import type { ReportBatch, VersionRow } from './report-bench-rows';

/** Writes the generated rows into one engine's store, one batch per transaction. */
export interface ReportSink {
  versions(rows: VersionRow[]): Promise<void>;
  batch(batch: ReportBatch): Promise<void>;
  /** After the last batch: leaves the store as a long-running one would be. */
  finish(): Promise<void>;
  close(): Promise<void>;
}

const VERSION_SQL = `insert into agreement_versions (portal_id, version, status, name, body, created_at, approved_at)`;
const CONTACT_SQL = `insert into contacts (portal_id, contact_id, properties, updated_at)`;
const HISTORY_SQL = `insert into qualification_history (portal_id, contact_id, tier, grade, score, stage, tier_reason,
  agreement_version, qualified_at, follow_up_due, sla_status, recycled_at, criteria, at, route, reasons)`;
const VERDICT_SQL = `insert into verdicts (portal_id, contact_id, verdict, reason, at, user_id)`;

/** SQLite through better-sqlite3: prepared statements in one transaction per batch, no fsync. */
export function sqliteSink(dataDir: string): ReportSink {
  const sqlite = new BetterSqlite3(path.join(dataDir, SQLITE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const version = sqlite.prepare(`${VERSION_SQL} values (?, ?, ?, ?, ?, ?, ?)`);
  const contact = sqlite.prepare(`${CONTACT_SQL} values (?, ?, ?, 0)`);
  const history = sqlite.prepare(`${HISTORY_SQL} values (${'?, '.repeat(14)}'inside_sales', '')`);
  const verdict = sqlite.prepare(`${VERDICT_SQL} values (?, ?, ?, ?, ?, 'u1')`);
  const write = sqlite.transaction((batch: ReportBatch) => {
    for (const row of batch.contacts) contact.run(row);
    for (const row of batch.history) history.run(row);
    for (const row of batch.verdicts) verdict.run(row);
  });
  return {
    versions: async (rows) => rows.forEach((row) => version.run(row)),
    batch: async (batch) => write(batch),
    finish: async () => void sqlite.pragma('wal_checkpoint(TRUNCATE)'),
    close: async () => void sqlite.close(),
  };
}

/** `insert ... select from unnest($1::t1[], ...)`: one statement and one parameter per column for many rows. */
function unnest(columnTypes: string[], tail = ''): string {
  const columns = columnTypes.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  return `select *${tail} from unnest(${columns})`;
}

const HISTORY_TYPES = 'text text text text float8 text text int4 int8 int8 text int8 text int8'.split(' ');
/** Rows per statement: history rows carry about 1 KB of criteria JSON each. */
const ROWS_PER_STATEMENT = 10_000;

/**
 * PostgreSQL through one `pg` client: column arrays unnested into multi-row inserts, one transaction per batch.
 * `finish()` vacuums and analyzes, the state autovacuum reaches after a bulk load (visibility map for index-only
 * scans, planner statistics), so the measured runs do not race a background autovacuum.
 */
export async function postgresSink(databaseUrl: string): Promise<ReportSink> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const insert = async (sql: string, rows: readonly (readonly unknown[])[]) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      const columns = (chunk[0] ?? []).map((_, c) => chunk.map((row) => row[c]));
      if (chunk.length > 0) await client.query(sql, columns);
    }
  };
  return {
    versions: (rows) =>
      insert(`${VERSION_SQL} ${unnest('text int4 text text text int8 int8'.split(' '))}`, rows),
    batch: async (batch) => {
      await client.query('begin');
      await insert(`${CONTACT_SQL} ${unnest(['text', 'text', 'text'], ', 0')}`, batch.contacts);
      await insert(`${HISTORY_SQL} ${unnest(HISTORY_TYPES, `, 'inside_sales', ''`)}`, batch.history);
      await insert(
        `${VERDICT_SQL} ${unnest('text text text text int8'.split(' '), `, 'u1'`)}`,
        batch.verdicts,
      );
      await client.query('commit');
    },
    finish: async () => {
      await client.query('vacuum (analyze) contacts, qualification_history, verdicts, agreement_versions');
    },
    close: () => client.end(),
  };
}
