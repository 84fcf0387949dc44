import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- column names are checked by the table types, not here
type Table = CreateTableBuilder<string, any>;

/** An auto-increment primary key that both engines understand. */
function withId(engine: Engine, table: Table): Table {
  return engine === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * SQLite: store rows in primary-key order (no separate rowid tree), so paging contacts by id and
 * joining their qualification is one b-tree walk each (measured by bench/rescore-bench.ts).
 */
function clustered(engine: Engine, table: Table): Table {
  return engine === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;
}

/** Columns shared by the current qualification and its history. */
function withQualification(table: Table): Table {
  return table
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('tier_reason', 'text')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('agreement_version', 'integer', (c) => c.notNull())
    .addColumn('qualified_at', 'bigint')
    .addColumn('follow_up_due', 'bigint')
    .addColumn('sla_status', 'text')
    .addColumn('recycled_at', 'bigint')
    .addColumn('capacity_month', 'text')
    .addColumn('criteria', 'text', (c) => c.notNull());
}

async function createPortalTables(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('installations')
    .addColumn('portal_id', 'text', (c) => c.primaryKey())
    .addColumn('access_token_enc', 'text')
    .addColumn('refresh_token_enc', 'text')
    .addColumn('token_expires_at', 'bigint')
    .addColumn('scopes', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('marketing_team_ids', 'text', (c) => c.notNull())
    .addColumn('sales_team_ids', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('installed_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agreement_versions')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('proposed_by', 'text')
    .addColumn('proposed_at', 'bigint')
    .addColumn('proposed_side', 'text')
    .addColumn('rationale', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'bigint')
    .addColumn('sent_back_by', 'text')
    .addColumn('sent_back_at', 'bigint')
    .addColumn('sent_back_comment', 'text')
    .addColumn('diff', 'text')
    .addPrimaryKeyConstraint('agreement_versions_pk', ['portal_id', 'version'])
    .execute();
  // At most one active version per portal, enforced by the database itself.
  await db.schema
    .createIndex('agreement_versions_one_active')
    .on('agreement_versions')
    .column('portal_id')
    .unique()
    .where(sql.ref('status'), '=', sql.lit('active'))
    .execute();
  await db.schema
    .createTable('audit_log')
    .$call((t) => withId(engine, t))
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_portal_at').on('audit_log').columns(['portal_id', 'at']).execute();
}

async function createContactTables(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('hs_last_modified', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('contacts_pk', ['portal_id', 'contact_id'])
    .$call((t) => clustered(engine, t))
    .execute();
  await db.schema
    .createTable('signal_history')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('signal_history_unique', [
      'portal_id',
      'contact_id',
      'property',
      'value',
      'occurred_at',
    ])
    .execute();
  await db.schema
    .createTable('qualifications')
    .$call(withQualification)
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('qualifications_pk', ['portal_id', 'contact_id'])
    .$call((t) => clustered(engine, t))
    .execute();
  await db.schema
    .createTable('qualification_history')
    .$call((t) => withQualification(withId(engine, t)))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qualification_history_contact')
    .on('qualification_history')
    .columns(['portal_id', 'contact_id', 'at'])
    .execute();
  await db.schema
    .createTable('verdicts')
    .$call((t) => withId(engine, t))
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('verdicts_contact')
    .on('verdicts')
    .columns(['portal_id', 'contact_id'])
    .execute();
}

async function createPipelineTables(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('webhook_inbox')
    .$call((t) => withId(engine, t))
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('processed_at', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addUniqueConstraint('webhook_inbox_event', ['portal_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('webhook_inbox_unprocessed')
    .on('webhook_inbox')
    .columns(['processed_at', 'id'])
    .execute();
  await db.schema
    .createTable('jobs')
    .$call((t) => withId(engine, t))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('portal_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('progress', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'run_at', 'id']).execute();
  await db.schema
    .createTable('outbox')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addPrimaryKeyConstraint('outbox_pk', ['portal_id', 'contact_id'])
    .$call((t) => clustered(engine, t))
    .execute();
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['portal_id', 'status', 'next_attempt_at'])
    .execute();
}

async function createBudgetTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('capacity_usage')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('capacity_usage_pk', ['portal_id', 'month'])
    .execute();
  await db.schema
    .createTable('rate_budget')
    .addColumn('portal_id', 'text', (c) => c.primaryKey())
    .addColumn('recent', 'text', (c) => c.notNull())
    .addColumn('paused_until', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('checkpoints')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkpoints_pk', ['portal_id', 'name'])
    .execute();
}

/** The first schema: every table of DESIGN.md section 5, valid on SQLite and PostgreSQL. */
export function initialMigration(engine: Engine): Migration {
  return {
    async up(db) {
      await createPortalTables(db, engine);
      await createContactTables(db, engine);
      await createPipelineTables(db, engine);
      await createBudgetTables(db);
    },
    async down(db) {
      for (const table of [
        'checkpoints',
        'rate_budget',
        'capacity_usage',
        'outbox',
        'jobs',
        'webhook_inbox',
        'verdicts',
        'qualification_history',
        'qualifications',
        'signal_history',
        'contacts',
        'audit_log',
        'agreement_versions',
        'installations',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
