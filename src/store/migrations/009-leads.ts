import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `leads`: the HubSpot Leads Lead Pact hands over (`handoff.createLeads`), one row per handoff (a contact's
 * qualification to `sales_ready`, keyed by its `qualified_at` as `handoff_at`). The row is also the Leads outbox:
 * what Lead Pact wants the Lead to be (`wanted`, `revision`), what HubSpot last confirmed (`lead_id`,
 * `hubspot_stage`, `status`) and the retry state. `closed_at` is set when the Lead is no longer open for Lead Pact
 * (disqualified by Lead Pact, converted, or refused by HubSpot before it existed); `team_id` is a route's team whose
 * least-loaded member the sync picks as `owner_id` before creating the Lead; the partial unique index
 * `leads_one_open` lets a contact have at most one row whose `closed_at` is null, on both engines, whatever races.
 */
export const leadsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('leads')
      .addColumn('portal_id', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.notNull())
      .addColumn('handoff_at', 'bigint', (c) => c.notNull())
      .addColumn('lead_id', 'text')
      .addColumn('wanted', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('reason_note', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text')
      .addColumn('team_id', 'text')
      .addColumn('company_id', 'text')
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('hubspot_stage', 'text')
      .addColumn('worked_at', 'bigint')
      .addColumn('converted_at', 'bigint')
      .addColumn('closed_at', 'bigint')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('leads_pk', ['portal_id', 'contact_id', 'handoff_at'])
      .execute();
    await db.schema
      .createIndex('leads_one_open')
      .on('leads')
      .columns(['portal_id', 'contact_id'])
      .unique()
      .where(sql.ref('closed_at'), 'is', null)
      .execute();
    await db.schema
      .createIndex('leads_due')
      .on('leads')
      .columns(['portal_id', 'status', 'next_attempt_at'])
      .execute();
    await db.schema.createIndex('leads_by_lead_id').on('leads').columns(['portal_id', 'lead_id']).execute();
    await db.schema.createIndex('leads_by_owner').on('leads').columns(['portal_id', 'owner_id']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('leads').ifExists().execute();
  },
};
