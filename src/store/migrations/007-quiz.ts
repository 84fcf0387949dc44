import type { Kysely, Migration } from 'kysely';

/**
 * The calibration quiz: `quiz_rounds` (ids count up per portal), `quiz_round_leads` (what participants see, JSON, and
 * the agreement's verdict when the round started, JSON) and `quiz_answers` (one per lead and HubSpot user, with the
 * side the team mapping gave the user at their first answer).
 */
export const quizMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('quiz_rounds')
      .addColumn('portal_id', 'text', (c) => c.notNull())
      .addColumn('id', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('agreement_version', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'bigint')
      .addColumn('closed_by', 'text')
      .addPrimaryKeyConstraint('quiz_rounds_pk', ['portal_id', 'id'])
      .execute();
    await db.schema
      .createTable('quiz_round_leads')
      .addColumn('portal_id', 'text', (c) => c.notNull())
      .addColumn('round_id', 'integer', (c) => c.notNull())
      .addColumn('lead_key', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.notNull())
      .addColumn('shown', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('quiz_round_leads_pk', ['portal_id', 'round_id', 'lead_key'])
      .execute();
    await db.schema
      .createTable('quiz_answers')
      .addColumn('portal_id', 'text', (c) => c.notNull())
      .addColumn('round_id', 'integer', (c) => c.notNull())
      .addColumn('lead_key', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('call_this_month', 'integer', (c) => c.notNull())
      .addColumn('answered_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('quiz_answers_pk', ['portal_id', 'round_id', 'lead_key', 'user_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('quiz_answers').ifExists().execute();
    await db.schema.dropTable('quiz_round_leads').ifExists().execute();
    await db.schema.dropTable('quiz_rounds').ifExists().execute();
  },
};
