import type { Kysely, Migration } from 'kysely';

/**
 * `jobs.deferred_since` / `jobs.deferrals`: when a job was first given back for HubSpot's rate limits since it last
 * reported progress, and how often since; a job past the deferral limit is dead-lettered (src/jobs/deferral-limit.ts).
 * `jobs.dead_reason`: why a dead job gave up, one of DEAD_JOB_REASON_VALUES (src/contracts/jobs.ts), for the settings page and /metrics.
 */
export const jobDeferralsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('jobs').addColumn('deferred_since', 'bigint').execute();
    await db.schema
      .alterTable('jobs')
      .addColumn('deferrals', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('jobs').addColumn('dead_reason', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('jobs').dropColumn('dead_reason').execute();
    await db.schema.alterTable('jobs').dropColumn('deferrals').execute();
    await db.schema.alterTable('jobs').dropColumn('deferred_since').execute();
  },
};
